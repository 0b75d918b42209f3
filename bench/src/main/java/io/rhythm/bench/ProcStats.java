package io.rhythm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time and resident memory of processes, read from Linux's {@code /proc} (read only). CPU is in clock
 * ticks of {@link #TICKS_PER_SECOND}; memory in KiB.
 */
final class ProcStats {

    /** USER_HZ: 100 on every Linux architecture the project runs on. */
    static final int TICKS_PER_SECOND = 100;

    private ProcStats() {
    }

    /** utime + stime of one process (its own threads), or -1 when it is gone. */
    static long cpuTicks(long pid) {
        long[] f = statFields(pid);
        return f == null ? -1 : f[0] + f[1];
    }

    /**
     * CPU of a process tree: the process itself, the children it has waited for (cutime + cstime) and its live
     * children. Used for PostgreSQL, whose backends are children of the postmaster and come and go.
     */
    static long treeCpuTicks(long pid) {
        long[] f = statFields(pid);
        if (f == null) {
            return -1;
        }
        long sum = f[0] + f[1] + f[2] + f[3];
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                long child = Long.parseLong(dir.getFileName().toString());
                long[] c = statFields(child);
                if (c != null && c[4] == pid) {
                    sum += c[0] + c[1];
                }
            }
        } catch (IOException e) {
            return sum;
        }
        return sum;
    }

    /** Busy ticks of the whole machine (every CPU, everything but idle and iowait), from /proc/stat. */
    static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {@code VmRSS} and {@code VmHWM} (peak resident set) in KiB, or {-1, -1} when the process is gone. */
    static long[] rssKib(long pid) {
        long rss = -1;
        long hwm = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kib(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kib(line);
                }
            }
        } catch (IOException e) {
            // gone
        }
        return new long[]{rss, hwm};
    }

    /** The pid in a pid file (first line), or -1. */
    static long pidFrom(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? -1 : Long.parseLong(lines.getFirst().trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    /** {utime, stime, cutime, cstime, ppid} of a process, or null. */
    private static long[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name (field 2) may hold spaces: the fields after it start behind the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // f[0] = state (field 3), f[1] = ppid (4), f[11] = utime (14), f[12] = stime (15), f[13] = cutime, f[14] = cstime
            return new long[]{Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14]),
                    Long.parseLong(f[1])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
