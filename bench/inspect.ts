import WebSocket from 'ws';

/**
 * A CPU profile of another process (the launched gateway) over a stretch of the benchmark: SIGUSR1
 * opens its inspector on `port`, the Chrome DevTools protocol starts and stops the profiler. The
 * result is a `.cpuprofile` for Chrome DevTools or speedscope.
 */
export class RemoteProfiler {
  private next = 1;
  private readonly replies = new Map<number, (result: unknown) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { id?: number; result?: unknown };
      if (message.id !== undefined) this.replies.get(message.id)?.(message.result);
    });
  }

  static async attach(pid: number, port: number): Promise<RemoteProfiler> {
    process.kill(pid, 'SIGUSR1');
    for (let attempt = 0; ; attempt += 1) {
      try {
        const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
          webSocketDebuggerUrl: string;
        }[];
        const socket = new WebSocket(targets[0].webSocketDebuggerUrl);
        await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
        return new RemoteProfiler(socket);
      } catch (error) {
        if (attempt > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  call(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.replies.set(id, resolve);
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  async start(): Promise<void> {
    await this.call('Profiler.enable');
    await this.call('Profiler.start');
  }

  async stop(): Promise<unknown> {
    const { profile } = (await this.call('Profiler.stop')) as { profile: unknown };
    this.socket.close();
    return profile;
  }
}
