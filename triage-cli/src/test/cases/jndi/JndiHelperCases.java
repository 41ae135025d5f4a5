package corpus.jndi;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Map;
import java.util.function.Function;

/** Spring MVC integration console; JNDI look-ups in helpers and nested classes. */
@RestController
public class JndiHelperCases {
    private static final Map<String, String> QUEUES = Map.of("orders", "java:comp/env/jms/labOrders");
    private String pendingName;
    private final String auditQueue = "java:comp/env/jms/audit";

    interface Resolver {
        Object resolve(String name) throws NamingException;
    }

    static Object resolve(String name) throws NamingException {
        return new InitialContext().lookup(name); // BUG: java/jndi-injection
    }

    static Object resolveQueue(String key) throws NamingException {
        return new InitialContext().lookup(QUEUES.getOrDefault(key, "java:comp/env/jms/labOrders"));
    }

    @GetMapping("/jndi/resolve")
    public Object badStaticHelper(@RequestParam String name) throws NamingException {
        return resolve(name);
    }

    @GetMapping("/jndi/queue")
    public Object goodStaticHelperLookupTable(@RequestParam String key) throws NamingException {
        return resolveQueue(key);
    }

    Object dataSource(String name) throws NamingException {
        return new InitialContext().lookup("" + name); // BUG: java/jndi-injection
    }

    @GetMapping("/jndi/ds/{name}")
    public Object badInstanceHelper(@PathVariable String name) throws NamingException {
        return dataSource(name);
    }

    @GetMapping("/jndi/mail")
    public Object badOtherClass(@RequestParam String session) throws NamingException {
        return new MailSessions().byName(session);
    }

    class Probe {
        Object check(String name) throws NamingException {
            return new InitialContext().lookup(name); // BUG: java/jndi-injection
        }
    }

    @GetMapping("/jndi/probe")
    public Object badInnerClass(@RequestParam String name) throws NamingException {
        return new Probe().check(name);
    }

    @GetMapping("/jndi/anon")
    public Object badAnonymousClass(@RequestParam String name) throws NamingException {
        Resolver r = new Resolver() {
            @Override
            public Object resolve(String n) throws NamingException {
                return new InitialContext().lookup(n); // BUG: java/jndi-injection
            }
        };
        return r.resolve(name);
    }

    @GetMapping("/jndi/lambda")
    public Object badLambda(@RequestParam String host) throws NamingException {
        Function<String, String> url = h -> "ldap://" + h + "/cn=config";
        return new InitialContext().lookup(url.apply(host)); // BUG: java/jndi-injection
    }

    @GetMapping("/jndi/lambda-safe")
    public Object goodLambdaIgnoresInput(@RequestParam String host) throws NamingException {
        Function<String, String> url = h -> "java:comp/env/jdbc/clinic";
        return new InitialContext().lookup(url.apply(host));
    }

    @GetMapping("/jndi/remember")
    public void remember(@RequestParam String name) {
        pendingName = name;
    }

    public Object badTaintedField() throws NamingException {
        return new InitialContext().lookup(pendingName); // BUG: java/jndi-injection
    }

    public Object goodConstantField() throws NamingException {
        return new InitialContext().lookup(auditQueue);
    }
}

/** Mail sessions for appointment reminders. */
class MailSessions {
    Object byName(String session) throws NamingException {
        return new InitialContext().lookup(session.isEmpty() ? "java:comp/env/mail/default" : session); // BUG: java/jndi-injection
    }
}
