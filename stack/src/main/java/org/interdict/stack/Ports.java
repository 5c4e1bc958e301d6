package org.interdict.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port helpers: free ports for tests, and a clear refusal when a fixed port is taken. */
public final class Ports {

    private Ports() {
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StackException("No free port on the loopback interface", e);
        }
    }

    public static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void requireFree(int port, String what) {
        if (inUse(port)) {
            throw new StackException("Port " + port + " (" + what + ") is already in use: stop whatever listens there"
                    + " (perhaps another Interdict stack) or choose other ports.");
        }
    }
}
