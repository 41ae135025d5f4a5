package corpus.csrf.xmlconfig;

/** The portal's web configuration: its security is declared in WEB-INF/security-context.xml and clinician-security.xml. */
public class PortalWebConfig {
    public String securityContext() {
        return "/WEB-INF/security-context.xml";
    }
}
