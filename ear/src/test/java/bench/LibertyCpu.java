package bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Liberty's CPU time so far from {@code /proc}, split by thread kind: the JIT compiler threads
 * (C1/C2), garbage collection (the Serial collector of jvm.options runs in the VM Thread; G1's
 * threads are counted too should the collector change), and the rest, which is the service's own
 * work (requests, consumers, timers, the messaging engine). The process total includes threads that
 * ended, so the rest is the total less the other two. Clock ticks of 10 ms: a phase's figure is
 * exact to a few ticks.
 */
record LibertyCpu(double totalMs, double jitMs, double gcMs) {
    private static final double MS_PER_TICK = 10.0; // USER_HZ is 100 on Linux

    double appMs() {
        return totalMs - jitMs - gcMs;
    }

    LibertyCpu minus(LibertyCpu o) {
        return new LibertyCpu(totalMs - o.totalMs, jitMs - o.jitMs, gcMs - o.gcMs);
    }

    static LibertyCpu of(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        double total = ticks(proc.resolve("stat"));
        double jit = 0;
        double gc = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
            for (Path task : tasks) {
                String stat = read(task.resolve("stat"));
                if (stat == null) {
                    continue; // the thread ended meanwhile
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    jit += ticks(stat);
                } else if (name.equals("VM Thread") || name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                    gc += ticks(stat);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the threads of process " + pid, e);
        }
        return new LibertyCpu(total * MS_PER_TICK, jit * MS_PER_TICK, gc * MS_PER_TICK);
    }

    private static double ticks(Path stat) {
        String s = read(stat);
        if (s == null) {
            throw new IllegalStateException("no process at " + stat);
        }
        return ticks(s);
    }

    /** utime + stime: fields 14 and 15, counted after the command name, which may hold spaces. */
    private static double ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return null;
        }
    }
}
