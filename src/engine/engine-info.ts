// How this engine identifies itself to clients: Docker Engine 28.2, API 1.50.

export const engineVersion = {
  Version: "28.2.2",
  ApiVersion: "1.50",
  MinAPIVersion: "1.24",
  GitCommit: "45873be",
  GoVersion: "go1.24.3",
  Os: "linux",
  Arch: "amd64",
  KernelVersion: "6.10.14-linuxkit",
  BuildTime: "2025-05-30T12:07:26.000000000+00:00",
  OperatingSystem: "Docker Playground",
} as const;
