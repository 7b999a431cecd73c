package org.advocacy.engine.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Checks the body of every request that the API and the pages take before anything reads it: an
 * API body must say what it is (a Content-Type that names one type, in a known charset: 415
 * otherwise), and every body is bounded. Tomcat bounds only form posts
 * (its max-http-form-post-size), so a JSON body needs its own limit: a declared Content-Length
 * beyond it is answered 413 before anything reads the body, and a body sent without a length
 * (chunked) is read through a stream that fails at the limit, which the problem answers turn into
 * 413 too. An evidence file is the record of a whole campaign and has a larger limit of its own.
 */
final class RequestBodies extends OncePerRequestFilter {

    /** The API's and the operations page's import of an evidence file. */
    static final Set<String> EVIDENCE_IMPORTS = Set.of("/api/admin/evidence", "/admin/evidence");

    /**
     * @param maxBody         the largest body of any request but an evidence import
     * @param maxEvidenceBody the largest evidence file that may be imported
     */
    @ConfigurationProperties("campaigns.requests")
    record RequestProperties(DataSize maxBody, DataSize maxEvidenceBody) {
        RequestProperties {
            maxBody = maxBody == null ? DataSize.ofMegabytes(1) : maxBody;
            maxEvidenceBody = maxEvidenceBody == null ? DataSize.ofMegabytes(32) : maxEvidenceBody;
        }
    }

    /** A body that went on beyond its limit while it was read. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge(long limit) {
            super("the request body is larger than " + limit + " bytes");
        }
    }

    private final RequestProperties limits;
    private final ObjectMapper json;

    RequestBodies(RequestProperties limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    static String refusal(long limit) {
        return "the request body is larger than this address accepts (" + DataSize.ofBytes(limit).toKilobytes()
                + " KB); nothing was recorded";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = (EVIDENCE_IMPORTS.contains(request.getRequestURI()) ? limits.maxEvidenceBody() : limits.maxBody())
                .toBytes();
        if (api(request) && request.getContentType() != null && !concrete(request.getContentType())) {
            SecurityConfiguration.problem(json, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the Content-Type "
                    + "must name one type in a known charset, such as application/json");
            return;
        }
        if (request.getContentLengthLong() > limit) {
            if (api(request)) {
                SecurityConfiguration.problem(json, response, HttpStatus.PAYLOAD_TOO_LARGE, refusal(limit));
            } else {
                ErrorMessages.sendError(request, response, HttpStatus.PAYLOAD_TOO_LARGE, refusal(limit));
            }
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Bounded(request, limit) : request, response);
    }

    private static boolean api(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/");
    }

    private static boolean concrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    /** A request whose body, of no declared length, is read at most up to the limit. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            if (encoding != null && !Charset.isSupported(encoding)) {
                throw new java.io.UnsupportedEncodingException(encoding);
            }
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class BoundedStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long limit;
        private long read;

        BoundedStream(ServletInputStream body, long limit) {
            this.body = body;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = body.read(buffer, offset, length);
            if (count > 0) {
                count(count);
            }
            return count;
        }

        private void count(int bytes) throws BodyTooLarge {
            read += bytes;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
