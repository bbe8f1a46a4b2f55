export type DatabaseProvider = "sqlite" | "postgresql";
export type DatabaseConfig = {
  provider: DatabaseProvider;
  /** For PostgreSQL the connection string; for SQLite an absolute file path. */
  url: string;
};
export declare const DEFAULT_SQLITE_FILE: string;
export declare function resolveDatabaseConfig(databaseUrl: string | undefined, cwd?: string): DatabaseConfig;
export declare function schemaPathFor(provider: DatabaseProvider): string;
export declare function migrationsPathFor(provider: DatabaseProvider): string;
