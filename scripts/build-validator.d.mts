export const VALIDATOR_FILE: string;
export function validatorSource(): string;
