// Waiting for real (tests inject a sleep that does not wait).
export const realSleep = (ms: number): Promise<void> => new Promise<void>((r) => setTimeout(r, ms));
