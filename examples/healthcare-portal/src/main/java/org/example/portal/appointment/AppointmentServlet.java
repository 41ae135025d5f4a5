package org.example.portal.appointment;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.example.portal.auth.TokenService;
import org.example.portal.notify.ReminderClient;

/** Lists free appointment slots and books one; books send an SMS reminder. */
@WebServlet(urlPatterns = "/appointments")
public class AppointmentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final List<String> CLINICIANS = List.of("Dr. Okafor", "Dr. Lindqvist", "Dr. Ramos");

    private final transient Map<String, List<Appointment>> byPatient = new ConcurrentHashMap<>();
    private final transient TokenService tokens = new TokenService();
    private final transient ReminderClient reminders = new ReminderClient();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute("patientId") == null) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        // Flawed: the booking form's anti-forgery nonce comes from Math.random().
        session.setAttribute("bookingNonce", Double.toString(Math.random())); // BUG: java/predictable-random

        // Fine: Random only spreads patients across clinicians, it protects nothing.
        List<String> slots = new ArrayList<>();
        for (String clinician : CLINICIANS) {
            slots.add(clinician + " " + LocalDate.now().plusDays(1).atTime(LocalTime.of(9, 0)));
        }
        Collections.shuffle(slots, new Random());

        response.setContentType("application/json;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.write("{\"freeSlots\":[");
        for (int i = 0; i < slots.size(); i++) {
            out.write((i == 0 ? "\"" : ",\"") + slots.get(i) + "\"");
        }
        out.write("],\"booked\":[");
        List<Appointment> booked = byPatient.getOrDefault(session.getAttribute("patientId").toString(), List.of());
        for (int i = 0; i < booked.size(); i++) {
            out.write((i == 0 ? "" : ",") + booked.get(i).toJson());
        }
        out.write("]}");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute("patientId") == null) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        Object csrf = session.getAttribute("csrfToken");
        if (csrf == null || !csrf.equals(request.getParameter("csrfToken"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "missing or wrong csrfToken");
            return;
        }
        String clinician = request.getParameter("clinician");
        LocalDateTime start;
        try {
            start = LocalDateTime.parse(request.getParameter("start"));
        } catch (DateTimeParseException | NullPointerException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "start must be an ISO date-time");
            return;
        }
        if (!CLINICIANS.contains(clinician)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "unknown clinician");
            return;
        }
        String patientId = session.getAttribute("patientId").toString();
        Appointment appointment = new Appointment(UUID.randomUUID().toString(), patientId, clinician, start, tokens.generateToken());
        byPatient.computeIfAbsent(patientId, k -> new CopyOnWriteArrayList<>()).add(appointment);
        String phone = request.getParameter("phone");
        if (phone != null && !phone.isBlank()) {
            reminders.scheduleReminder(phone, "Reminder: " + clinician + " at " + start);
        }
        response.setStatus(HttpServletResponse.SC_CREATED);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(appointment.toJson());
    }
}
