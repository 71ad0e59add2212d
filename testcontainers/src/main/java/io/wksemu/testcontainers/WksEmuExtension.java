package io.wksemu.testcontainers;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link WksEmuTest}. Settings, each a system property or else an environment variable:
 * {@value #URL_PROPERTY} / {@value #URL_VARIABLE} (an emulator already running: no container is started),
 * {@value #ADMIN_TOKEN_PROPERTY} / {@value #ADMIN_TOKEN_VARIABLE} (its admin token), and
 * {@value #IMAGE_PROPERTY} / {@value #IMAGE_VARIABLE} (the image of container mode).
 */
public class WksEmuExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    public static final String URL_PROPERTY = "wksemu.url";
    public static final String URL_VARIABLE = "WKSEMU_URL";
    public static final String ADMIN_TOKEN_PROPERTY = "wksemu.admin-token";
    public static final String ADMIN_TOKEN_VARIABLE = "WKSEMU_ADMIN_TOKEN";
    public static final String IMAGE_PROPERTY = "wksemu.image";
    public static final String IMAGE_VARIABLE = "WKSEMU_IMAGE";
    /** Credentials of URL mode: an emulator in its default (lenient) mode takes any. */
    static final String ACCESS_KEY = "wksemu-ak";
    static final String SECRET_KEY = "wksemu-sk";
    static final String TOKEN = "wksemu-token";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WksEmuExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        if (context.getParent().map(WksEmuExtension::find).orElse(null) != null) {
            return; // a @Nested class: the enclosing class's emulator and project
        }
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        String projectId = projectIdFor(context.getRequiredTestClass());
        String url = setting(URL_PROPERTY, URL_VARIABLE);
        if (url != null) {
            WksEmuAdmin admin = WksEmuAdmin.connect(url);
            String adminToken = setting(ADMIN_TOKEN_PROPERTY, ADMIN_TOKEN_VARIABLE);
            if (adminToken != null) {
                admin = admin.withAdminToken(adminToken);
            }
            store.put(WksEmuInfo.class, new WksEmuInfo(url, projectId, ACCESS_KEY, SECRET_KEY, TOKEN, admin));
            return;
        }
        WksEmuContainer container = new WksEmuContainer(image(context));
        container.start();
        store.put(WksEmuContainer.class, container);
        store.put(WksEmuInfo.class, container.info(projectId));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        WksEmuContainer container = context.getStore(NAMESPACE).remove(WksEmuContainer.class, WksEmuContainer.class);
        if (container != null) {
            container.stop();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        WksEmuInfo info = info(context);
        info.admin().wipeProject(info.projectId());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == WksEmuInfo.class || type == WksEmuAdmin.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        WksEmuInfo info = info(context);
        return parameter.getParameter().getType() == WksEmuAdmin.class ? info.admin() : info;
    }

    private static WksEmuInfo info(ExtensionContext context) {
        WksEmuInfo info = find(context);
        if (info == null) {
            throw new ParameterResolutionException("no emulator: is the class annotated with @WksEmuTest?");
        }
        return info;
    }

    /** The emulator of this context or the nearest enclosing one that has one. */
    private static WksEmuInfo find(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            WksEmuInfo info = c.getStore(NAMESPACE).get(WksEmuInfo.class, WksEmuInfo.class);
            if (info != null) {
                return info;
            }
        }
        return null;
    }

    /**
     * A project of the class's own, so that test classes running side by side against one emulator never touch
     * each other's data: the class's name (the project id's letters only) and a random suffix.
     */
    static String projectIdFor(Class<?> testClass) {
        String name = testClass.getSimpleName().replaceAll("[^A-Za-z0-9_-]", "-").toLowerCase(Locale.ROOT);
        if (name.length() > 40) {
            name = name.substring(0, 40);
        }
        return "t-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String image(ExtensionContext context) {
        WksEmuTest annotation = context.getRequiredTestClass().getAnnotation(WksEmuTest.class);
        if (annotation != null && !annotation.image().isEmpty()) {
            return annotation.image();
        }
        String image = setting(IMAGE_PROPERTY, IMAGE_VARIABLE);
        return image != null ? image : WksEmuVersion.image();
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
