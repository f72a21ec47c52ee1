package io.kapture.shell.internal.testing;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;

import org.apache.karaf.shell.api.console.History;
import org.apache.karaf.shell.api.console.Registry;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.apache.karaf.shell.api.console.Signal;
import org.apache.karaf.shell.api.console.SignalListener;
import org.apache.karaf.shell.api.console.Terminal;

/**
 * A Karaf shell session whose console is captured, with a terminal that does or does not speak ANSI. Only the
 * console and terminal are supported: the commands use nothing else.
 *
 * <p>Threading contract: the console is a synchronized print stream over a buffer; read it with {@link #console()}
 * from any thread.
 */
public final class FakeKarafSession implements Session {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    private final Terminal terminal;

    public FakeKarafSession(boolean ansi) {
        this.terminal = new FakeTerminal(ansi);
    }

    /** Everything written to the console so far, tables in their ASCII form. */
    public String console() {
        synchronized (console) {
            return Tables.ascii(buffer.toString(StandardCharsets.UTF_8));
        }
    }

    @Override
    public PrintStream getConsole() {
        return console;
    }

    @Override
    public Terminal getTerminal() {
        return terminal;
    }

    @Override
    public Object execute(CharSequence commandline) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object get(String name) {
        return null;
    }

    @Override
    public void put(String name, Object value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public InputStream getKeyboard() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String readLine(String prompt, Character mask) {
        throw new UnsupportedOperationException();
    }

    @Override
    public History getHistory() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Registry getRegistry() {
        throw new UnsupportedOperationException();
    }

    @Override
    public SessionFactory getFactory() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String resolveCommand(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Path currentDir() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void currentDir(Path path) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException();
    }

    private record FakeTerminal(boolean ansi) implements Terminal {
        @Override
        public String getType() {
            return ansi ? "xterm" : "dumb";
        }

        @Override
        public int getWidth() {
            return 200;
        }

        @Override
        public int getHeight() {
            return 50;
        }

        @Override
        public boolean isAnsiSupported() {
            return ansi;
        }

        @Override
        public boolean isEchoEnabled() {
            return true;
        }

        @Override
        public void setEchoEnabled(boolean enabled) {
        }

        @Override
        public void addSignalListener(SignalListener listener, Signal... signals) {
        }

        @Override
        public void addSignalListener(SignalListener listener, EnumSet<Signal> signals) {
        }

        @Override
        public void addSignalListener(SignalListener listener) {
        }

        @Override
        public void removeSignalListener(SignalListener listener) {
        }
    }
}
