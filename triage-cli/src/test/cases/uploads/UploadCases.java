package corpus.uploads;

import org.apache.commons.fileupload.FileItem;
import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.disk.DiskFileItemFactory;
import org.apache.commons.fileupload.servlet.ServletFileUpload;
import org.apache.commons.fileupload.util.Streams;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;

/** Uploads of scanned referral letters and lab files (commons-fileupload, Spring multipart), and a clinic cookie. */
public class UploadCases {
    private static final File LETTERS = new File("/var/portal/letters");
    private final Connection db;

    public UploadCases(Connection db) {
        this.db = db;
    }

    public void badFileItemName(HttpServletRequest req) throws Exception {
        List<FileItem> items = new ServletFileUpload(new DiskFileItemFactory()).parseRequest(req);
        for (FileItem item : items) {
            if (!item.isFormField()) item.write(new File(LETTERS, item.getName())); // BUG: java/path-traversal
        }
    }

    public void badFormFieldInSql(HttpServletRequest req) throws Exception {
        for (FileItem item : new ServletFileUpload(new DiskFileItemFactory()).parseRequest(req)) {
            if (item.isFormField() && item.getFieldName().equals("patient")) {
                db.createStatement().executeQuery("SELECT * FROM letters WHERE patient = '" + item.getString() + "'"); // BUG: java/sql-injection
            }
        }
    }

    public void badFieldNameEchoed(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        for (FileItem item : new ServletFileUpload(new DiskFileItemFactory()).parseRequest(req)) {
            resp.getWriter().print("<li>received " + item.getFieldName() + "</li>"); // BUG: java/xss
        }
    }

    public void badStreamingName(HttpServletRequest req) throws Exception {
        FileItemIterator it = new ServletFileUpload().getItemIterator(req);
        while (it.hasNext()) {
            FileItemStream part = it.next();
            try (InputStream in = part.openStream()) {
                Files.copy(in, Path.of("/var/portal/labs", part.getName()), StandardCopyOption.REPLACE_EXISTING); // BUG: java/path-traversal
            }
        }
    }

    public void badStreamingFieldValue(HttpServletRequest req) throws Exception {
        FileItemIterator it = new ServletFileUpload().getItemIterator(req);
        while (it.hasNext()) {
            FileItemStream part = it.next();
            String value = Streams.asString(part.openStream());
            db.createStatement().execute("DELETE FROM drafts WHERE id = " + value); // BUG: java/sql-injection
        }
    }

    public void badMultipartName(MultipartFile file) throws Exception {
        file.transferTo(new File(LETTERS, file.getOriginalFilename())); // BUG: java/path-traversal
    }

    public void badCookieFromWebUtils(jakarta.servlet.http.HttpServletRequest req) throws Exception {
        Cookie clinic = WebUtils.getCookie(req, "clinic");
        if (clinic != null) {
            db.createStatement().executeQuery("SELECT * FROM clinic WHERE code = '" + clinic.getValue() + "'"); // BUG: java/sql-injection
        }
    }

    // ---- good ----

    public void goodGeneratedName(HttpServletRequest req) throws Exception {
        for (FileItem item : new ServletFileUpload(new DiskFileItemFactory()).parseRequest(req)) {
            if (!item.isFormField()) item.write(new File(LETTERS, UUID.randomUUID() + ".pdf"));
        }
    }

    public void goodBoundField(HttpServletRequest req) throws Exception {
        for (FileItem item : new ServletFileUpload(new DiskFileItemFactory()).parseRequest(req)) {
            if (item.isFormField()) {
                PreparedStatement ps = db.prepareStatement("SELECT * FROM letters WHERE patient = ?");
                ps.setString(1, item.getString());
                ps.executeQuery();
            }
        }
    }

    public void goodMultipartBaseName(MultipartFile file) throws Exception {
        // only the last name of what the client sent: no directory part survives
        file.transferTo(new File(LETTERS, new File(file.getOriginalFilename()).getName()));
    }

    public void goodMultipartSize(MultipartFile file, HttpServletResponse resp) throws Exception {
        resp.getWriter().print("<p>" + file.getSize() + " bytes received</p>");
    }

    public void goodCookieBound(jakarta.servlet.http.HttpServletRequest req) throws Exception {
        Cookie clinic = WebUtils.getCookie(req, "clinic");
        if (clinic != null) {
            PreparedStatement ps = db.prepareStatement("SELECT * FROM clinic WHERE code = ?");
            ps.setString(1, clinic.getValue());
            ps.executeQuery();
        }
    }
}
