package bench;

import java.time.Duration;

/**
 * CPU time used so far by the three kinds of process that share the machine in a run: Liberty,
 * dynalite, and this JVM (the load generator with the sandbox's SMTP front, GreenMail, WireMock
 * and receipt poster). The difference of two readings says where a phase's CPU went.
 */
record CpuTimes(long libertyMs, long dynaliteMs, long benchMs) {
    static final CpuTimes ZERO = new CpuTimes(0, 0, 0);

    static CpuTimes now(long libertyPid, long dynalitePid) {
        return new CpuTimes(cpuMs(libertyPid), cpuMs(dynalitePid), cpuMs(ProcessHandle.current().pid()));
    }

    CpuTimes minus(CpuTimes o) {
        return new CpuTimes(libertyMs - o.libertyMs, dynaliteMs - o.dynaliteMs, benchMs - o.benchMs);
    }

    CpuTimes plus(CpuTimes o) {
        return new CpuTimes(libertyMs + o.libertyMs, dynaliteMs + o.dynaliteMs, benchMs + o.benchMs);
    }

    /** The Liberty server's process id, found by its command line. */
    static long libertyPid() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("ws-server.jar") && c.contains("switchboard")).orElse(false))
                .findFirst().map(ProcessHandle::pid).orElseThrow(() -> new IllegalStateException("no Liberty process found"));
    }

    private static long cpuMs(long pid) {
        // a process that is gone (or whose time the OS does not tell) counts 0
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toMillis).orElse(0L);
    }
}
