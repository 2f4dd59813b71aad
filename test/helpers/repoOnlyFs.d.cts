/** The repository root the guard allows reads below. */
export declare const REPO_ROOT: string;
/** The `code` of the error a read outside the repository throws. */
export declare const GUARD_CODE: string;
