import type { ChildProcess } from "node:child_process";

export type ClusterInstance = { port: number; child: ChildProcess; exited: Promise<number | string>; name: string };
export const root: string;
export function renderNginxConfig(options: { listen: string; instancePorts: number[]; prefix: string }): string;
export function startNginx(options: { port: number; instancePorts: number[]; dir?: string }): Promise<{ dir: string; port: number; child: ChildProcess; stop(): Promise<void> }>;
export function httpStatus(port: number, pathname: string, timeoutMs?: number): Promise<number>;
export function waitFor(check: () => Promise<boolean>, timeoutMs: number, message: string): Promise<void>;
export function startInstance(options: { port: number; env?: Record<string, string>; logFile?: string; name?: string }): ClusterInstance;
export function waitReady(port: number, timeoutMs?: number): Promise<void>;
export function stopInstance(instance: ClusterInstance, signal?: NodeJS.Signals): Promise<number | string>;
export function rollingRestart(instances: ClusterInstance[], start: (port: number, index: number) => ClusterInstance): Promise<{ seconds: number; exitCodes: (number | string)[] }>;
export function ensureBuilt(): void;
