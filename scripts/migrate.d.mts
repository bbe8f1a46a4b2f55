export declare function readMigrations(provider: "sqlite" | "postgresql"): { name: string; sql: string; checksum: string }[];
export declare function applyMigrations(databaseUrl: string | undefined): Promise<{ provider: "sqlite" | "postgresql"; applied: string[]; total: number }>;
