package org.portal.searchengine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single OpenSearch node for development and CI, started from Maven Central jars: the
 * distribution's launcher installs plugins from a folder, so this one passes them on the
 * classpath instead (as OpenSearch's own test framework does). HTTP only, no security plugin.
 *
 * Usage: SearchEngine HOME_DIR HTTP_PORT
 */
public final class SearchEngine extends Node {

    private static final Collection<Class<? extends Plugin>> PLUGINS = List.of(
        Netty4Plugin.class,
        CommonAnalysisPlugin.class,
        ReindexPlugin.class
    );

    private SearchEngine(Settings settings) {
        super(InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "portal"), PLUGINS, true);
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(home.resolve("modules"));
        Files.createDirectories(home.resolve("plugins"));
        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("node.name", "portal")
            .put("cluster.name", "portal-search")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", args[1])
            .put("transport.port", "9300-9400")
            // A developer's or CI's disk may be nearly full: never make the indexes read-only for it.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            // A write to a missing index fails (Wagtail logs it) rather than guessing its mapping.
            .put("action.auto_create_index", false)
            .build();
        LogConfigurator.configureWithoutConfig(settings);
        SearchEngine node = new SearchEngine(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
            stopped.countDown();
        }));
        node.start();
        stopped.await();
    }
}
