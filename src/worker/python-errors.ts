// Emscripten numbers errno values its own way (ENOENT is 44, not 2), and CPython prints the
// number it gets: "[Errno 44] No such file or directory". Learners compare with Linux, so the
// common ones are put back by their message. errno.ENOENT itself stays Emscripten's.
const LINUX_ERRNO: Readonly<Record<string, number>> = {
  "Operation not permitted": 1,
  "No such file or directory": 2,
  "Permission denied": 13,
  "File exists": 17,
  "Not a directory": 20,
  "Is a directory": 21,
  "Invalid argument": 22,
  "Directory not empty": 39,
};

export function linuxErrors(text: string): string {
  return text
    .replace(/\[Errno \d+\] ([A-Za-z ]+)/g, (match, message: string) => {
      const errno = LINUX_ERRNO[message];
      return errno === undefined ? match : `[Errno ${errno}] ${message}`;
    })
    // With / as the working directory the runtime joins paths with a doubled slash.
    .replace(/can't open file '\/\//g, "can't open file '/");
}
