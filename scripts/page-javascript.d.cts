export type ScriptWeight = { url: string; rawBytes: number; gzipBytes: number; libraries: string[] };
export type PageWeight = { scripts: ScriptWeight[]; rawBytes: number; gzipBytes: number; libraries: string[] };
export declare const LIBRARY_MARKERS: Record<string, string>;
export declare function gzipBytes(body: Buffer): number;
export declare function librariesIn(text: string): string[];
export declare function describeScript(url: string, body: Buffer): ScriptWeight;
export declare function summarize(scripts: ScriptWeight[]): PageWeight;
export declare function pageJavaScript(pageUrl: string, options?: { cookie?: string }): Promise<PageWeight>;
