package it.support;

import com.switchboard.channel.control.ChannelControlMBean;
import com.switchboard.metering.PartitionHeatMBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JMX client of the test server the way JConsole attaches to it on the same machine: Liberty's
 * local connector (localConnector-1.0) writes its JMX service URL to
 * {@code logs/state/com.ibm.ws.jmx.local.address}; plain {@code javax.management.remote}, so it
 * works on every Java the build runs on.
 */
public final class Jmx implements AutoCloseable {
    private final JMXConnector connector;
    private final MBeanServerConnection connection;

    private Jmx(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.connection = connector.getMBeanServerConnection();
    }

    public static Jmx connect() {
        return connect(Switchboard.liberty().serverDir());
    }

    /** Connects to the server whose directory is {@code serverDir} (the benchmark starts its own). */
    public static Jmx connect(Path serverDir) {
        Path address = serverDir.resolve("logs/state/com.ibm.ws.jmx.local.address");
        try {
            return new Jmx(JMXConnectorFactory.connect(
                    new JMXServiceURL(Files.readString(address).trim())));
        } catch (IOException e) {
            throw new UncheckedIOException("no JMX connection through " + address, e);
        }
    }

    /** The channel's MBean, {@code com.switchboard:type=Channel,name=<channel>}. */
    public ChannelControlMBean channel(String name) {
        try {
            return JMX.newMBeanProxy(
                    connection, new ObjectName("com.switchboard:type=Channel,name=" + name), ChannelControlMBean.class);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    /** Writes and reads per partition key value ({@code com.switchboard:type=PartitionHeat}); empty when the server meters none. */
    public Optional<PartitionHeatMBean> partitionHeat() {
        try {
            ObjectName name = new ObjectName(PartitionHeatMBean.OBJECT_NAME);
            return connection.isRegistered(name)
                    ? Optional.of(JMX.newMBeanProxy(connection, name, PartitionHeatMBean.class))
                    : Optional.empty();
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(PartitionHeatMBean.OBJECT_NAME, e);
        } catch (IOException e) {
            throw new UncheckedIOException("JMX connection lost", e);
        }
    }

    public MBeanServerConnection connection() {
        return connection;
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
