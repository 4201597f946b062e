// Checks pflag runs as a flag value is set (cli/opts/opts.go): a failure is a flag error,
// `invalid argument "<v>" for "<flag>" flag: <message>`, with the usage block and exit 125.
import { isIPv4, isIPv6 } from "./ports.js";

/** The message of a rejected value, or undefined when it is fine. */
export type FlagValidator = (value: string) => string | undefined;

/** opts.ValidateIPAddress (--dns). */
export const validateIPAddress: FlagValidator = (value) => {
  const ip = value.trim();
  return isIPv4(ip) || isIPv6(ip) ? undefined : `IP address is not correctly formatted: ${value}`;
};

/** opts.ValidateEnv (-e): a name is required; a bare name is looked up later. */
export const validateEnv: FlagValidator = (value) => (value.split("=")[0] === "" ? `invalid environment variable: ${value}` : undefined);

/** opts.ValidateLabel (-l / --label). */
export const validateLabel: FlagValidator = (value) => {
  const key = (value.split("=")[0] ?? "").trim();
  if (key === "") return `invalid label '${value}': empty name`;
  return /[ \t]/.test(key) ? `label '${key}' contains whitespaces` : undefined;
};

/** opts.ValidateExtraHost (--add-host): host=ip or host:ip, "host-gateway" allowed as the ip. */
export const validateExtraHost: FlagValidator = (value) => {
  let cut = value.indexOf("=");
  if (cut < 0) cut = value.indexOf(":");
  const host = cut < 0 ? "" : value.slice(0, cut);
  if (cut < 0 || host === "" || host.includes(":")) return `bad format for add-host: ${JSON.stringify(value)}`;
  let ip = value.slice(cut + 1);
  if (ip === "host-gateway") return undefined;
  if (ip.length > 2 && ip.startsWith("[") && ip.endsWith("]")) ip = ip.slice(1, -1);
  return validateIPAddress(ip) === undefined ? undefined : `invalid IP address in add-host: ${JSON.stringify(ip)}`;
};
