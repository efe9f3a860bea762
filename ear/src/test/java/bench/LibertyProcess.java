package bench;

/** Finds the Liberty server's process, whose CPU ({@link LibertyCpu}) and memory the benchmark reads. */
final class LibertyProcess {
    private LibertyProcess() {}

    /** The Liberty server's process id, found by its command line. */
    static long libertyPid() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains("ws-server.jar") && c.contains("switchboard"))
                        .orElse(false))
                .findFirst()
                .map(ProcessHandle::pid)
                .orElseThrow(() -> new IllegalStateException("no Liberty process found"));
    }
}
