package dev.keyway.integration.osgi;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Felix Configuration Admin inside the framework, driven by reflection through the interfaces
 * its bundle exports ({@code org.osgi.service.cm}), which the test's class path does not share.
 */
final class ConfigurationAdmin {
    private static final String ADMIN = "org.osgi.service.cm.ConfigurationAdmin";
    private final Object admin;
    private final Class<?> adminType;
    private final Class<?> configurationType;

    ConfigurationAdmin(BundleContext context, Bundle configAdminBundle)
            throws ClassNotFoundException, InvalidSyntaxException {
        // "All": the system bundle, whose context the test holds, does not import org.osgi.service.cm.
        ServiceReference<?>[] refs = context.getAllServiceReferences(ADMIN, null);
        if (refs == null) {
            throw new AssertionError("Configuration Admin registered no service");
        }
        this.admin = context.getService(refs[0]);
        this.adminType = configAdminBundle.loadClass(ADMIN);
        this.configurationType = configAdminBundle.loadClass("org.osgi.service.cm.Configuration");
    }

    /** Sets the configuration of a PID (for any bundle: location {@code ?}), as an administrator would. */
    void update(String pid, Map<String, Object> properties) throws ReflectiveOperationException {
        Object configuration = adminType.getMethod("getConfiguration", String.class, String.class)
                .invoke(admin, pid, "?");
        Dictionary<String, Object> values = new Hashtable<>(properties);
        configurationType.getMethod("update", Dictionary.class).invoke(configuration, values);
    }
}
