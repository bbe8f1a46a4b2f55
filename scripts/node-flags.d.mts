export declare const SERVER_NODE_FLAGS: string[];
export declare function hasServerNodeFlags(execArgv?: string[]): boolean;
export declare function rerunWithServerFlags(script: string, args?: string[]): void;
