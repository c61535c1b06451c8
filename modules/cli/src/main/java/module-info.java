/** The keyway command line. */
module dev.keyway.cli {
    requires dev.keyway.net;
    requires info.picocli;
    requires net.sourceforge.plantuml;

    uses dev.keyway.api.spi.AlgorithmProvider;

    opens dev.keyway.cli to info.picocli;
}
