import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** A process the benchmark started: leader of its own process group, so it stops with its children. */
export interface BenchProcess {
  child: ChildProcess;
  /** Its output so far (stdout and stderr), to explain a failure. */
  output(): string;
  exited: Promise<number | null>;
}

const running = new Set<BenchProcess>();

/** Whether `taskset` can pin processes: needs two cores or more. */
export function canPin(cores: number): boolean {
  return cores >= 2 && spawnSync('taskset', ['-V']).status === 0;
}

/**
 * Starts `node <args>` (or `command` when given) on the CPUs `cpus` names (taskset, null: any),
 * in its own process group, with an IPC channel for the processes that report through one.
 */
export function startProcess(
  args: string[],
  options: { cpus: string | null; env: NodeJS.ProcessEnv; cwd?: string; command?: string },
): BenchProcess {
  const argv = [options.command ?? process.execPath, ...args];
  const [file, ...rest] = options.cpus ? ['taskset', '-c', options.cpus, ...argv] : argv;
  const child = spawn(file, rest, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    detached: true,
  });
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
  const started: BenchProcess = {
    child,
    output: () => Buffer.concat(chunks).toString('utf8'),
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
  };
  running.add(started);
  void started.exited.then(() => running.delete(started));
  return started;
}

function signalGroup(started: BenchProcess, signal: NodeJS.Signals): void {
  try {
    if (started.child.pid) process.kill(-started.child.pid, signal);
  } catch {
    // the group is already gone
  }
}

/** Stops a started process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopProcess(started: BenchProcess, graceMs = 3000): Promise<void> {
  signalGroup(started, 'SIGTERM');
  const kill = setTimeout(() => signalGroup(started, 'SIGKILL'), graceMs);
  if (started.child.exitCode === null && started.child.signalCode === null) await started.exited;
  clearTimeout(kill);
  signalGroup(started, 'SIGKILL');
}

/** Kills every group still running, by its own id: on exit, on a signal, on a failure. */
export function killAllStarted(): void {
  for (const started of running) signalGroup(started, 'SIGKILL');
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim() || 100);

/**
 * CPU seconds (user + system) and resident memory of every process in the group `pgid`, from
 * /proc, and whether any of them is running or waiting for a core (state R).
 */
export function groupUsage(pgid: number): { cpuSeconds: number; rssMb: number; runnable: boolean } {
  let ticks = 0;
  let rssKb = 0;
  let runnable = false;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // fields after "(comm) ": state ppid pgrp ... utime(14th) stime(15th)
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      runnable ||= fields[0] === 'R';
      ticks += Number(fields[11]) + Number(fields[12]);
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      rssKb += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    } catch {
      // the process ended while being read
    }
  }
  return { cpuSeconds: ticks / CLOCK_TICKS, rssMb: rssKb / 1024, runnable };
}

/**
 * Busy CPU seconds of core `cpu` (all processes, from /proc/stat): minus the gateway's own, it says
 * how much other load (other users of this shared machine) ran on the gateway's core.
 */
export function coreBusySeconds(cpu: number): number {
  const line = readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .find((row) => row.startsWith(`cpu${cpu} `));
  if (!line) return Number.NaN;
  // user nice system idle iowait irq softirq steal: busy is everything but idle and iowait
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS;
}
