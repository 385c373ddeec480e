/** Shared by the server and the forms, so it holds no server-only code. */
export const PASSWORD_RULES = { minLength: 12, maxLength: 128 } as const;
