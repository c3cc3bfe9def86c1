import { afterEach } from 'vitest';

/**
 * Gives each test of the file the environment the file started with: a test may set variables
 * (a broker URL, a limit) for the services it starts. Call it before the file's own afterEach
 * hooks: Vitest runs after-hooks in reverse order, so the services stop before the variables go.
 */
export function restoreEnvAfterEach(): void {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });
}
