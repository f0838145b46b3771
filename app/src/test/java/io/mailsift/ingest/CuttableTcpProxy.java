package io.mailsift.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards TCP from a fixed loopback port to a target, and can go away ({@link #stop}: the port is closed and every
 * connection cut) and come back on the same port ({@link #start}), while the server behind it keeps its state.
 */
final class CuttableTcpProxy implements AutoCloseable {

    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile int port;
    private volatile ServerSocket listener;

    CuttableTcpProxy(int targetPort) {
        this.targetPort = targetPort;
    }

    int port() {
        return port;
    }

    /** Listens (again) on the same port as before, or on a free one the first time. */
    synchronized CuttableTcpProxy start() throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = server.getLocalPort();
        listener = server;
        Thread.ofVirtual().name("proxy-accept").start(() -> accept(server));
        return this;
    }

    /** Closes the port and cuts every connection, as a server that went away. */
    synchronized void stop() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(target);
                Thread.ofVirtual().start(() -> pump(client, target));
                Thread.ofVirtual().start(() -> pump(target, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // Cut: the other direction ends too once its socket is closed.
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
