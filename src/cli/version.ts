// The client's own identity: docker CLI 28.2.2 (a static build, so no platform name).

export const clientVersion = {
  Version: "28.2.2",
  ApiVersion: "1.50",
  GoVersion: "go1.24.3",
  GitCommit: "e6534b4",
  Built: "Fri May 30 12:07:14 2025",
  OsArch: "linux/amd64",
  Context: "default",
} as const;
