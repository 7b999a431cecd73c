package org.advocacy.engine.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A test of the running app through its HTTP contract, with a client and the campaign drivers ready. */
public abstract class ApiTest {

    @LocalServerPort
    protected int port;

    protected ApiClient api;
    protected HttpCampaigns campaigns;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        campaigns = new HttpCampaigns(api);
    }
}
