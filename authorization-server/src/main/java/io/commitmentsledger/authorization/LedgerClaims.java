package io.commitmentsledger.authorization;

import java.util.List;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What the ledger's services read from an access token: the one audience they share, the client's {@code agency}
 * (absent for an auditor or admin) and its {@code roles}. {@code sub} stays the client id, as Spring sets it.
 */
final class LedgerClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String AGENCY = "agency";
    static final String ROLES = "roles";

    private static final String AGENCY_SETTING = "ledger.claims.agency";
    private static final String ROLES_SETTING = "ledger.claims.roles";

    private final String audience;

    LedgerClaims(String audience) {
        this.audience = audience;
    }

    /** The claims of one client's tokens, kept with its registration. */
    static ClientSettings settings(AuthorizationProperties.Client client) {
        ClientSettings.Builder settings = ClientSettings.builder().setting(ROLES_SETTING, List.copyOf(client.roles()));
        if (client.agency() != null) {
            settings.setting(AGENCY_SETTING, client.agency());
        }
        return settings.build();
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        ClientSettings settings = context.getRegisteredClient().getClientSettings();
        // Spring names the client as the audience; the services expect theirs.
        context.getClaims().audience(List.of(audience));
        String agency = settings.getSetting(AGENCY_SETTING);
        if (agency != null) {
            context.getClaims().claim(AGENCY, agency);
        }
        List<String> roles = settings.getSetting(ROLES_SETTING);
        context.getClaims().claim(ROLES, roles == null ? List.of() : roles);
    }
}
