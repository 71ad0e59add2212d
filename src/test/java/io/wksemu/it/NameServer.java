package io.wksemu.it;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DNS server on a loopback UDP port that knows one name: A queries for it are answered with the address the
 * test sets, with a long TTL, as a container network's or a cluster's DNS answers for a database; any other
 * name is NXDOMAIN, and other record types of the name have no answer. Enough of RFC 1035 for a resolver's
 * query; it counts the A queries it answered, so a test can tell a cached answer from a fresh one.
 */
final class NameServer implements AutoCloseable {

    static final int TTL_SECONDS = 600;

    private static final int TYPE_A = 1;
    private static final int CLASS_IN = 1;
    private static final int NXDOMAIN = 3;

    private final String name;
    private final DatagramSocket socket;
    private final AtomicInteger answered = new AtomicInteger();
    private volatile Inet4Address address;

    /** Serves {@code name} (no trailing dot) as {@code address} on a free port of 127.0.0.1. */
    NameServer(String name, Inet4Address address) throws SocketException {
        this.name = name.toLowerCase(Locale.ROOT);
        this.address = address;
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread serve = new Thread(this::serve, "name-server");
        serve.setDaemon(true);
        serve.start();
    }

    /** {@code host:port}, as a resolver's server list takes it. */
    String server() {
        return socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
    }

    /** From now on the name resolves to {@code moved}, as after a failover or a re-created container. */
    void moveTo(Inet4Address moved) {
        address = moved;
    }

    int answeredQueries() {
        return answered.get();
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            DatagramPacket query = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(query);
                byte[] answer = answer(ByteBuffer.wrap(query.getData(), 0, query.getLength()));
                if (answer != null) {
                    socket.send(new DatagramPacket(answer, answer.length, query.getSocketAddress()));
                }
            } catch (IOException | RuntimeException closedOrMalformed) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    /** The response to one query, or null for anything that is not a single-question query. */
    private byte[] answer(ByteBuffer query) {
        short id = query.getShort();
        short flags = query.getShort();
        int questions = query.getShort() & 0xffff;
        if ((flags & 0x8000) != 0 || questions != 1) {
            return null;
        }
        query.position(12);
        StringBuilder asked = new StringBuilder();
        for (int length = query.get() & 0xff; length > 0; length = query.get() & 0xff) {
            byte[] label = new byte[length];
            query.get(label);
            asked.append(asked.length() == 0 ? "" : ".").append(new String(label, java.nio.charset.StandardCharsets.US_ASCII));
        }
        int type = query.getShort() & 0xffff;
        int questionClass = query.getShort() & 0xffff;
        int questionEnd = query.position();
        boolean known = asked.toString().toLowerCase(Locale.ROOT).equals(name);
        boolean answers = known && type == TYPE_A && questionClass == CLASS_IN;
        Inet4Address current = address;
        ByteBuffer response = ByteBuffer.allocate(questionEnd + 16);
        response.putShort(id);
        // QR, AA and RD echoed, RA; NXDOMAIN for an unknown name
        response.putShort((short) (0x8400 | (flags & 0x0100) | 0x0080 | (known ? 0 : NXDOMAIN)));
        response.putShort((short) 1).putShort((short) (answers ? 1 : 0)).putShort((short) 0).putShort((short) 0);
        response.put(query.array(), query.arrayOffset() + 12, questionEnd - 12);
        if (answers) {
            response.putShort((short) 0xc00c).putShort((short) TYPE_A).putShort((short) CLASS_IN)
                    .putInt(TTL_SECONDS).putShort((short) 4).put(current.getAddress());
            answered.incrementAndGet();
        }
        byte[] bytes = new byte[response.position()];
        response.flip().get(bytes);
        return bytes;
    }

    @Override
    public void close() {
        socket.close();
    }
}
