package io.wksemu;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.workspace.v2.WorkspaceClient;
import java.util.List;

/** The official Huawei Cloud Workspace client pointed at an emulator, as a consumer configures it. */
public final class SdkClients {

    private SdkClients() {
    }

    /** A client signing with the given AK/SK for the project, against {@code endpoint} (scheme, host and port). */
    public static WorkspaceClient workspace(String endpoint, String ak, String sk, String projectId) {
        return WorkspaceClient.newBuilder()
                .withCredential(new BasicCredentials().withAk(ak).withSk(sk).withProjectId(projectId))
                .withEndpoints(List.of(endpoint))
                .withHttpConfig(HttpConfig.getDefaultHttpConfig().withIgnoreSSLVerification(true))
                .build();
    }
}
