package io.mailsift.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback between Mailsift and a server, for fault tests: it can cut every open connection at once
 * ({@link #dropAll}, as a NAT box or a flaky network does; new connections are accepted right after), or go away
 * altogether ({@link #stop}) and come back on the same port ({@link #start}) while the server behind it keeps its
 * state.
 */
public final class TcpProxy implements AutoCloseable {

    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile int port;
    private volatile ServerSocket listener;

    public TcpProxy(int targetPort) {
        this.targetPort = targetPort;
    }

    public int port() {
        return port;
    }

    /** Connections accepted so far. */
    public int connections() {
        return accepted.get();
    }

    /** Listens (again) on the same port as before, or on a free one the first time. */
    public synchronized TcpProxy start() throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = server.getLocalPort();
        listener = server;
        Thread.ofVirtual().name("proxy-accept").start(() -> accept(server));
        return this;
    }

    /** Cuts every open connection, both sides, without a goodbye; the port stays open. */
    public void dropAll() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
        clients.clear();
    }

    /**
     * Sends one line to every client as if the server had said it (e.g. {@code * BYE ...}), then cuts the connections.
     * Meant for a silent moment of the protocol, such as IDLE.
     */
    public void sayToClientsAndDrop(String line) {
        for (Socket client : clients) {
            try {
                OutputStream out = client.getOutputStream();
                out.write((line + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException gone) {
                // already closed
            }
        }
        dropAll();
    }

    /** Closes the port and cuts every connection, as a server that went away. */
    public synchronized void stop() {
        if (listener != null) {
            closeQuietly(listener);
        }
        dropAll();
    }

    @Override
    public void close() {
        stop();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                accepted.incrementAndGet();
                Socket target = new Socket();
                target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5000);
                open.add(client);
                open.add(target);
                clients.add(client);
                Thread.ofVirtual().name("proxy-up").start(() -> pump(client, target));
                Thread.ofVirtual().name("proxy-down").start(() -> pump(target, client));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    /** Copies until either side ends, then ends both. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // cut, or the other side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
            clients.remove(from);
            clients.remove(to);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
