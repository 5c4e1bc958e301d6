package org.interdict.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For fault tests: a TCP proxy in front of a server (PostgreSQL) that can play the server's outage without touching
 * the server, which other stacks on the machine share. {@link #cut()} resets every open connection and every new
 * one, as a stopped server's clients see it; {@link #resume()} forwards again.
 */
public final class FaultProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private FaultProxy(String targetHost, int targetPort, ServerSocket listener) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = listener;
    }

    /** Listens on a free loopback port and forwards each connection to the target. */
    public static FaultProxy start(String targetHost, int targetPort) {
        try {
            ServerSocket listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            FaultProxy proxy = new FaultProxy(targetHost, targetPort, listener);
            daemon("fault-proxy-accept", proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new StackException("Cannot start the fault proxy: " + e.getMessage(), e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The outage: every open connection is reset, and every new one is reset as soon as it is accepted. */
    public void cut() {
        cut = true;
        open.forEach(this::reset);
    }

    /** The end of the outage: new connections reach the target again. */
    public void resume() {
        cut = false;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    reset(client);
                } else {
                    forward(client);
                }
            } catch (IOException e) {
                // closed, or one failed accept: the loop condition decides
            }
        }
    }

    private void forward(Socket client) {
        Socket server = new Socket();
        try {
            server.connect(new InetSocketAddress(targetHost, targetPort), 5000);
        } catch (IOException e) {
            reset(client);
            reset(server);
            return;
        }
        open.add(client);
        open.add(server);
        if (cut) { // cut while this one was connecting
            reset(client);
            reset(server);
            return;
        }
        daemon("fault-proxy-up", () -> pump(client, server));
        daemon("fault-proxy-down", () -> pump(server, client));
    }

    /** Copies one direction until either side ends or is reset; then both sides end, as one connection. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            // reset or closed by the other pump
        } finally {
            close(from);
            close(to);
        }
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** Closes with SO_LINGER 0, so the peer gets a TCP reset rather than an orderly end. */
    private void reset(Socket socket) {
        open.remove(socket);
        try {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
            }
        } catch (SocketException e) {
            // not connected: closing is enough
        }
        close(socket);
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        open.forEach(this::reset);
    }
}
