package org.passerelle.bench.stats;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.tools.attach.VirtualMachine;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * JMX readings of a server that runs on a JVM, through the attach API (local only): used heap
 * after a full GC, and the longest stop-the-world GC pause since {@link #resetPauses()}.
 */
public final class JvmProbe implements AutoCloseable {
    private final JMXConnector connector;
    private final MBeanServerConnection mbeans;
    private final AtomicLong maxPauseMillis = new AtomicLong();
    private final AtomicLong pauses = new AtomicLong();

    private JvmProbe(JMXConnector connector) throws Exception {
        this.connector = connector;
        this.mbeans = connector.getMBeanServerConnection();
        NotificationListener listener = this::gcNotification;
        Set<ObjectName> gcs = mbeans.queryNames(new ObjectName("java.lang:type=GarbageCollector,*"), null);
        for (ObjectName gc : gcs) mbeans.addNotificationListener(gc, listener, null, null);
    }

    /**
     * Attaches to the JVM with this pid, or returns null (not a JVM, other user, attach disabled).
     * Only a process that has loaded libjvm is tried: the attach API signals the target with
     * SIGQUIT, which ends an Erlang VM on the spot.
     */
    public static JvmProbe attach(long pid) {
        if (!isJvm(java.nio.file.Path.of("/proc", Long.toString(pid), "maps"))) return null;
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            return new JvmProbe(JMXConnectorFactory.connect(new JMXServiceURL(address)));
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    static boolean isJvm(java.nio.file.Path maps) {
        try (var lines = java.nio.file.Files.lines(maps)) {
            return lines.anyMatch(l -> l.endsWith("/libjvm.so"));
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** Runs a full GC twice in the server, then returns the used heap in bytes. */
    public long usedHeapAfterGc() throws Exception {
        MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    public void resetPauses() {
        maxPauseMillis.set(0);
        pauses.set(0);
    }

    public long maxPauseMillis() {
        return maxPauseMillis.get();
    }

    public long pauses() {
        return pauses.get();
    }

    private void gcNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        // Concurrent cycles (G1 Concurrent GC, ZGC Cycles) are not pauses.
        String name = info.getGcName();
        if (name.contains("Concurrent") || name.endsWith("Cycles")) return;
        pauses.incrementAndGet();
        maxPauseMillis.accumulateAndGet(info.getGcInfo().getDuration(), Math::max);
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (Exception e) {
            // the server may already be gone
        }
    }
}
