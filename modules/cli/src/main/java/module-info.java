/** The keyway command line. */
module dev.keyway.cli {
    requires dev.keyway.net;
    requires dev.keyway.ssh;
    requires dev.keyway.keys;
    requires info.picocli;
    requires net.sourceforge.plantuml;
    // sun.misc.Signal: SIGWINCH, to follow the local terminal's size in keyway ssh.
    requires jdk.unsupported;

    uses dev.keyway.api.spi.AlgorithmProvider;

    opens dev.keyway.cli to info.picocli;
}
