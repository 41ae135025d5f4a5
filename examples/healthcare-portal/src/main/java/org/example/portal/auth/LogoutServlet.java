package org.example.portal.auth;

import java.io.IOException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/** Ends the session and drops the remember-me and device cookies. */
@WebServlet(urlPatterns = "/logout")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        Cookie remember = CookieFactory.expired("remember_me", path);
        response.addCookie(remember);
        response.addCookie(CookieFactory.expired("portal_device", path));
        response.sendRedirect(request.getContextPath() + "/");
    }
}
