import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import os from "node:os";

export type TMachineIdSource = "linux-machine-id" | "windows-machine-guid" | "macos-platform-uuid" | "hardware-fallback";

export type TMachineFingerprintOptions = {
  /**
   * App-scoped salt, e.g. "com.example.editor". Required, so two vendors' apps on one machine get
   * unrelated fingerprints and the raw machine id never leaves the machine.
   */
  salt: string;
  /** Overridable for tests and unusual platforms. */
  platform?: NodeJS.Platform;
  readMachineId?: (platform: NodeJS.Platform) => Promise<{ source: TMachineIdSource; value: string } | null>;
};

export type TMachineFingerprint = { fingerprint: string; source: TMachineIdSource };

/**
 * A stable machine code: SHA-256 of the salt and the OS's own machine identifier:
 * - Linux: /etc/machine-id (or /var/lib/dbus/machine-id), set once at OS install;
 * - Windows: HKLM\SOFTWARE\Microsoft\Cryptography\MachineGuid, set once at OS install;
 * - macOS: IOPlatformUUID from IOPlatformExpertDevice (the hardware UUID).
 * When none can be read: hostname + CPU model + total memory + the sorted MAC addresses of
 * non-internal network interfaces (less stable: a new network card or more RAM changes it).
 * A cloned VM keeps the cloned OS id: regenerate /etc/machine-id (or sysprep) in templates.
 */
export async function machineFingerprint(options: TMachineFingerprintOptions): Promise<TMachineFingerprint> {
  if (!options.salt) throw new TypeError("machineFingerprint needs an app-scoped salt");
  const platform = options.platform ?? process.platform;
  const found = await (options.readMachineId ?? readOsMachineId)(platform).catch(() => null);
  const { source, value } = found && found.value.trim() ? found : { source: "hardware-fallback" as const, value: hardwareFallback() };
  const fingerprint = createHash("sha256").update(`seatwise:v1:${options.salt}:${value.trim().toLowerCase()}`).digest("hex");
  return { fingerprint, source };
}

async function readOsMachineId(platform: NodeJS.Platform): Promise<{ source: TMachineIdSource; value: string } | null> {
  if (platform === "linux" || platform === "freebsd" || platform === "openbsd") {
    for (const file of ["/etc/machine-id", "/var/lib/dbus/machine-id", "/etc/hostid"]) {
      const value = await readFile(file, "utf8").catch(() => "");
      if (/^[0-9a-f]{8,}$/i.test(value.trim())) return { source: "linux-machine-id", value };
    }
    return null;
  }
  if (platform === "win32") {
    const out = await run("reg", ["query", "HKLM\\SOFTWARE\\Microsoft\\Cryptography", "/v", "MachineGuid"]);
    const match = /MachineGuid\s+REG_SZ\s+([0-9a-f-]+)/i.exec(out);
    return match ? { source: "windows-machine-guid", value: match[1]! } : null;
  }
  if (platform === "darwin") {
    const out = await run("ioreg", ["-rd1", "-c", "IOPlatformExpertDevice"]);
    const match = /"IOPlatformUUID"\s*=\s*"([0-9A-F-]+)"/i.exec(out);
    return match ? { source: "macos-platform-uuid", value: match[1]! } : null;
  }
  return null;
}

export function hardwareFallback(): string {
  const macs = Object.values(os.networkInterfaces())
    .flat()
    .filter((nic): nic is os.NetworkInterfaceInfo => !!nic && !nic.internal && nic.mac !== "00:00:00:00:00:00")
    .map((nic) => nic.mac.toLowerCase());
  return [os.hostname(), os.cpus()[0]?.model ?? "", String(os.totalmem()), ...[...new Set(macs)].sort()].join("|");
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 5000, windowsHide: true }, (error, stdout) => resolve(error ? "" : String(stdout)));
  });
}
