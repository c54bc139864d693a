// Whether the sign-in page may show the demo credentials: decided by the
// server at start (checkDemoExposure.ts), read by the page, which runs in
// Next's copy of the server modules (hence a process global). Unset means no.
import { processGlobal } from "../processGlobal";

const showDemoCredentials = processGlobal<boolean>("showDemoCredentials");

export const setShowDemoCredentials = (value: boolean) => showDemoCredentials.set(value);
export const shouldShowDemoCredentials = (): boolean => showDemoCredentials.get() === true;
