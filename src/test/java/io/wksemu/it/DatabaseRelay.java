package io.wksemu.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay to the tests' PostgreSQL (DB_HOST, DB_PORT) at an address and port of the test's choosing: the
 * database as the emulator sees it. Closed, the database is gone: the listening socket and every relayed
 * connection close, as when a database container stops. Opened again, possibly at another loopback address,
 * the database is back, as when a container or pod is re-created with a new IP.
 */
final class DatabaseRelay implements AutoCloseable {

    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private ServerSocket server;

    /** A relay on a free port, not listening until {@link #open(InetAddress)}. */
    DatabaseRelay() throws IOException {
        port = AppProcess.freePort();
    }

    int port() {
        return port;
    }

    /** Starts relaying connections made to {@code address} on {@link #port()}. */
    synchronized void open(InetAddress address) throws IOException {
        if (server != null) {
            throw new IllegalStateException("already open at " + server.getInetAddress());
        }
        ServerSocket listening = new ServerSocket(port, 50, address);
        server = listening;
        Thread accept = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket db = new Socket(System.getenv().getOrDefault("DB_HOST", "localhost"),
                            Integer.parseInt(System.getenv().getOrDefault("DB_PORT", "5432")));
                    sockets.add(client);
                    sockets.add(db);
                    for (List<Socket> pair : List.of(List.of(client, db), List.of(db, client))) {
                        Thread relay = new Thread(() -> relay(pair.get(0), pair.get(1)));
                        relay.setDaemon(true);
                        relay.start();
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        }, "relay-" + address.getHostAddress());
        accept.setDaemon(true);
        accept.start();
    }

    /** The database goes away: no new connection is accepted, and every relayed one is cut. */
    @Override
    public synchronized void close() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    private void relay(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ended) {
            // either side closed
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // closing
            }
            sockets.remove(from);
            sockets.remove(to);
        }
    }
}
