package io.mailsift.ingest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;

import javax.net.SocketFactory;

import org.jspecify.annotations.Nullable;

/**
 * Plain sockets that connect to an address checked beforehand instead of resolving the host name again, so that a
 * DNS answer changed between the SSRF check and the connect (DNS rebinding) is never used.
 *
 * <p>Jakarta Mail resolves the host itself ({@code new InetSocketAddress(host, port)}) and then calls
 * {@link Socket#connect(SocketAddress, int)} on a socket from the session's {@code mail.imap[s].socketFactory}; the
 * sockets made here replace that endpoint with the address pinned for the host on the calling thread (a scoped value
 * bound around {@code Store.connect}, which connects on the calling thread). TLS is layered on top by Jakarta Mail
 * with the host <em>name</em>, so SNI and the certificate's host name check are unchanged. Without a pin (configured
 * accounts, whose hosts the operator chose) the sockets behave like plain ones.
 */
final class PinnedAddressSockets extends SocketFactory {

    /** A host name and the address checked for it. */
    record Pin(String host, InetAddress address) {
    }

    /** The pin of the connection being opened on this thread, if any. */
    static final ScopedValue<Pin> PIN = ScopedValue.newInstance();

    static final PinnedAddressSockets FACTORY = new PinnedAddressSockets();

    private PinnedAddressSockets() {
    }

    @Override
    public Socket createSocket() {
        return new PinnedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
    }

    private static Socket connected(@Nullable SocketAddress local, SocketAddress remote) throws IOException {
        Socket socket = new PinnedSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote);
        return socket;
    }

    /** The endpoint to connect to: the pinned address when a pin is bound, refusing any other host. */
    static SocketAddress endpoint(SocketAddress requested) throws SocketException {
        @Nullable Pin pin = PIN.isBound() ? PIN.get() : null;
        if (pin == null) {
            return requested;
        }
        if (!(requested instanceof InetSocketAddress address) || !address.getHostString().equalsIgnoreCase(pin.host())
                && !address.getHostString().equals(pin.address().getHostAddress())) {
            throw new SocketException("refusing to connect to " + requested + ": only " + pin.host()
                    + " at its checked address may be reached here");
        }
        return new InetSocketAddress(pin.address(), address.getPort());
    }

    private static final class PinnedSocket extends Socket {

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            super.connect(endpoint(endpoint), timeout);
        }
    }
}
