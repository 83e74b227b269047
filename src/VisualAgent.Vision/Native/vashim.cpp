// vashim: the thin C ABI over OpenCV that VisualAgent.Vision calls through [LibraryImport].
// Rules: every function returns an error code (VA_OK = 0), never lets a C++ exception cross the boundary,
// and checks its pointers. Mats are handed out as opaque pointers owned by a managed SafeHandle; encoded
// buffers are malloc'd and freed with va_free_buffer. va_live_count counts both so tests can check for leaks.
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

constexpr int VA_OK = 0;
constexpr int VA_ERR_ARG = 1;
constexpr int VA_ERR_DECODE = 2;
constexpr int VA_ERR_CV = 3;
constexpr int VA_ERR_MEMORY = 4;
constexpr int VA_ERR_UNKNOWN = 5;

std::atomic<int> g_live{0};
thread_local std::string g_last_error;

int fail(int code, const char* message) {
    g_last_error = message;
    return code;
}

cv::Mat* own(cv::Mat&& m) {
    auto* p = new cv::Mat(std::move(m));
    g_live.fetch_add(1);
    return p;
}

cv::Mat* as_mat(void* p) { return static_cast<cv::Mat*>(p); }

bool valid(void* p) { return p != nullptr && !as_mat(p)->empty(); }

template <typename F>
int guarded(F&& body) {
    try {
        return body();
    } catch (const cv::Exception& e) {
        return fail(VA_ERR_CV, e.what());
    } catch (const std::bad_alloc&) {
        return fail(VA_ERR_MEMORY, "out of memory");
    } catch (const std::exception& e) {
        return fail(VA_ERR_UNKNOWN, e.what());
    } catch (...) {
        return fail(VA_ERR_UNKNOWN, "unknown native error");
    }
}

// Normalises any decoded Mat to 8-bit BGR: 16-bit scaled down, gray expanded, alpha composited over white.
cv::Mat to_bgr8(const cv::Mat& src) {
    cv::Mat m = src;
    if (m.depth() == CV_16U) {
        cv::Mat t;
        m.convertTo(t, CV_8U, 1.0 / 257.0);
        m = t;
    } else if (m.depth() != CV_8U) {
        cv::Mat t;
        m.convertTo(t, CV_8U);
        m = t;
    }
    cv::Mat out;
    switch (m.channels()) {
    case 1: cv::cvtColor(m, out, cv::COLOR_GRAY2BGR); break;
    case 3: out = m; break;
    case 4: {
        std::vector<cv::Mat> ch;
        cv::split(m, ch);
        cv::Mat alpha;
        ch[3].convertTo(alpha, CV_32F, 1.0 / 255.0);
        cv::Mat bgr, bgrf, white(m.size(), CV_32FC3, cv::Scalar(255, 255, 255)), a3;
        cv::merge(std::vector<cv::Mat>{ch[0], ch[1], ch[2]}, bgr);
        bgr.convertTo(bgrf, CV_32F);
        cv::merge(std::vector<cv::Mat>{alpha, alpha, alpha}, a3);
        cv::Mat blended = bgrf.mul(a3) + white.mul(cv::Scalar(1, 1, 1) - a3);
        blended.convertTo(out, CV_8U);
        break;
    }
    default: throw std::runtime_error("unsupported channel count");
    }
    return out.isContinuous() ? out : out.clone();
}

}  // namespace

extern "C" {

int va_live_count(void) { return g_live.load(); }

int va_last_error(char* buffer, int length) {
    if (buffer == nullptr || length <= 0) return VA_ERR_ARG;
    std::strncpy(buffer, g_last_error.c_str(), static_cast<size_t>(length - 1));
    buffer[length - 1] = '\0';
    return VA_OK;
}

int va_release(void* mat) {
    if (mat == nullptr) return VA_ERR_ARG;
    delete as_mat(mat);
    g_live.fetch_sub(1);
    return VA_OK;
}

int va_free_buffer(void* buffer) {
    if (buffer == nullptr) return VA_ERR_ARG;
    std::free(buffer);
    g_live.fetch_sub(1);
    return VA_OK;
}

int va_decode(const unsigned char* data, int length, void** out) {
    if (out == nullptr) return fail(VA_ERR_ARG, "null out");
    *out = nullptr;
    if (data == nullptr || length <= 0) return fail(VA_ERR_ARG, "empty input");
    return guarded([&]() -> int {
        cv::Mat raw(1, length, CV_8U, const_cast<unsigned char*>(data));
        cv::Mat decoded = cv::imdecode(raw, cv::IMREAD_UNCHANGED);
        if (decoded.empty()) return fail(VA_ERR_DECODE, "the decoder could not read the image");
        *out = own(to_bgr8(decoded));
        return VA_OK;
    });
}

// format: 0 BGRA, 1 RGBA, 2 BGR, 3 RGB, 4 GRAY.
int va_from_pixels(const unsigned char* data, int width, int height, int stride, int format, void** out) {
    if (out == nullptr) return fail(VA_ERR_ARG, "null out");
    *out = nullptr;
    if (data == nullptr || width <= 0 || height <= 0 || format < 0 || format > 4) return fail(VA_ERR_ARG, "bad pixels");
    return guarded([&]() -> int {
        static const int types[] = {CV_8UC4, CV_8UC4, CV_8UC3, CV_8UC3, CV_8UC1};
        cv::Mat view(height, width, types[format], const_cast<unsigned char*>(data), static_cast<size_t>(stride));
        cv::Mat dst;
        switch (format) {
        case 0: cv::cvtColor(view, dst, cv::COLOR_BGRA2BGR); break;
        case 1: cv::cvtColor(view, dst, cv::COLOR_RGBA2BGR); break;
        case 2: dst = view.clone(); break;
        case 3: cv::cvtColor(view, dst, cv::COLOR_RGB2BGR); break;
        default: dst = view.clone(); break;
        }
        *out = own(std::move(dst));
        return VA_OK;
    });
}

int va_info(void* mat, int* width, int* height, int* channels) {
    if (mat == nullptr || width == nullptr || height == nullptr || channels == nullptr) return fail(VA_ERR_ARG, "null argument");
    *width = as_mat(mat)->cols;
    *height = as_mat(mat)->rows;
    *channels = as_mat(mat)->channels();
    return VA_OK;
}

int va_copy_pixels(void* mat, unsigned char* dst, long long length) {
    if (!valid(mat) || dst == nullptr) return fail(VA_ERR_ARG, "null argument");
    return guarded([&]() -> int {
        const cv::Mat& m = *as_mat(mat);
        const size_t row = m.cols * m.elemSize();
        if (static_cast<long long>(row * m.rows) > length) return fail(VA_ERR_ARG, "destination too small");
        for (int y = 0; y < m.rows; ++y) std::memcpy(dst + row * y, m.ptr(y), row);
        return VA_OK;
    });
}

// format: 0 PNG (param = compression 0..9), 1 JPEG (param = quality 1..100).
int va_encode(void* mat, int format, int param, unsigned char** data, int* length) {
    if (!valid(mat) || data == nullptr || length == nullptr) return fail(VA_ERR_ARG, "null argument");
    *data = nullptr;
    *length = 0;
    return guarded([&]() -> int {
        std::vector<unsigned char> buf;
        std::vector<int> params;
        if (format == 0) params = {cv::IMWRITE_PNG_COMPRESSION, param};
        else params = {cv::IMWRITE_JPEG_QUALITY, param};
        if (!cv::imencode(format == 0 ? ".png" : ".jpg", *as_mat(mat), buf, params)) return fail(VA_ERR_CV, "encode failed");
        auto* p = static_cast<unsigned char*>(std::malloc(buf.size()));
        if (p == nullptr) return fail(VA_ERR_MEMORY, "out of memory");
        std::memcpy(p, buf.data(), buf.size());
        g_live.fetch_add(1);
        *data = p;
        *length = static_cast<int>(buf.size());
        return VA_OK;
    });
}

int va_clone(void* mat, void** out) {
    if (!valid(mat) || out == nullptr) return fail(VA_ERR_ARG, "null argument");
    return guarded([&]() -> int { *out = own(as_mat(mat)->clone()); return VA_OK; });
}

int va_resize(void* mat, int width, int height, void** out) {
    if (!valid(mat) || out == nullptr || width <= 0 || height <= 0) return fail(VA_ERR_ARG, "bad resize arguments");
    return guarded([&]() -> int {
        const cv::Mat& m = *as_mat(mat);
        const bool shrink = static_cast<long long>(width) * height < static_cast<long long>(m.cols) * m.rows;
        cv::Mat dst;
        cv::resize(m, dst, cv::Size(width, height), 0, 0, shrink ? cv::INTER_AREA : cv::INTER_CUBIC);
        *out = own(std::move(dst));
        return VA_OK;
    });
}

int va_crop(void* mat, int x, int y, int width, int height, void** out) {
    if (!valid(mat) || out == nullptr) return fail(VA_ERR_ARG, "null argument");
    return guarded([&]() -> int {
        const cv::Mat& m = *as_mat(mat);
        cv::Rect r = cv::Rect(x, y, width, height) & cv::Rect(0, 0, m.cols, m.rows);
        if (r.area() <= 0) return fail(VA_ERR_ARG, "crop box is outside the image");
        *out = own(m(r).clone());
        return VA_OK;
    });
}

// kind: 0 to gray, 1 to BGR, 2 invert.
int va_convert(void* mat, int kind, void** out) {
    if (!valid(mat) || out == nullptr) return fail(VA_ERR_ARG, "null argument");
    return guarded([&]() -> int {
        const cv::Mat& m = *as_mat(mat);
        cv::Mat dst;
        if (kind == 0) {
            if (m.channels() == 1) dst = m.clone(); else cv::cvtColor(m, dst, cv::COLOR_BGR2GRAY);
        } else if (kind == 1) {
            if (m.channels() == 3) dst = m.clone(); else cv::cvtColor(m, dst, cv::COLOR_GRAY2BGR);
        } else if (kind == 2) {
            cv::bitwise_not(m, dst);
        } else {
            return fail(VA_ERR_ARG, "unknown conversion");
        }
        *out = own(std::move(dst));
        return VA_OK;
    });
}

// type: 0 binary, 1 binary inverted; otsu != 0 picks the threshold itself (gray input only).
int va_threshold(void* mat, double value, int type, int otsu, void** out) {
    if (!valid(mat) || out == nullptr || type < 0 || type > 1) return fail(VA_ERR_ARG, "bad threshold arguments");
    return guarded([&]() -> int {
        cv::Mat gray;
        const cv::Mat& m = *as_mat(mat);
        if (m.channels() == 1) gray = m; else cv::cvtColor(m, gray, cv::COLOR_BGR2GRAY);
        cv::Mat dst;
        int t = (type == 0 ? cv::THRESH_BINARY : cv::THRESH_BINARY_INV) | (otsu ? cv::THRESH_OTSU : 0);
        cv::threshold(gray, dst, value, 255, t);
        *out = own(std::move(dst));
        return VA_OK;
    });
}

int va_absdiff(void* a, void* b, void** out) {
    if (!valid(a) || !valid(b) || out == nullptr) return fail(VA_ERR_ARG, "null argument");
    return guarded([&]() -> int {
        const cv::Mat& ma = *as_mat(a);
        const cv::Mat& mb = *as_mat(b);
        if (ma.size() != mb.size() || ma.type() != mb.type()) return fail(VA_ERR_ARG, "images differ in size or type");
        cv::Mat dst;
        cv::absdiff(ma, mb, dst);
        *out = own(std::move(dst));
        return VA_OK;
    });
}

// Pixels whose largest channel difference exceeds `threshold` are changed. Boxes (x, y, w, h) of connected
// changed areas after a dilation by `grow` pixels; areas below min_area are dropped.
int va_changed_regions(void* a, void* b, int threshold, int grow, int min_area,
                       int* boxes, int max_boxes, int* count, double* fraction) {
    if (!valid(a) || !valid(b) || count == nullptr || fraction == nullptr || (max_boxes > 0 && boxes == nullptr))
        return fail(VA_ERR_ARG, "null argument");
    return guarded([&]() -> int {
        const cv::Mat& ma = *as_mat(a);
        const cv::Mat& mb = *as_mat(b);
        if (ma.size() != mb.size() || ma.type() != mb.type()) return fail(VA_ERR_ARG, "images differ in size or type");
        cv::Mat diff, maxc, mask;
        cv::absdiff(ma, mb, diff);
        if (diff.channels() > 1) {
            std::vector<cv::Mat> ch;
            cv::split(diff, ch);
            maxc = ch[0];
            for (size_t i = 1; i < ch.size(); ++i) cv::max(maxc, ch[i], maxc);
        } else {
            maxc = diff;
        }
        cv::threshold(maxc, mask, threshold, 255, cv::THRESH_BINARY);
        *fraction = static_cast<double>(cv::countNonZero(mask)) / static_cast<double>(mask.total());
        if (grow > 0) cv::dilate(mask, mask, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2 * grow + 1, 2 * grow + 1)));
        std::vector<std::vector<cv::Point>> contours;
        cv::findContours(mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
        int n = 0;
        for (const auto& c : contours) {
            cv::Rect r = cv::boundingRect(c) & cv::Rect(0, 0, mask.cols, mask.rows);
            if (r.area() < min_area) continue;
            if (n < max_boxes) {
                boxes[n * 4] = r.x; boxes[n * 4 + 1] = r.y; boxes[n * 4 + 2] = r.width; boxes[n * 4 + 3] = r.height;
            }
            ++n;
        }
        *count = n;
        return VA_OK;
    });
}

int va_match_template(void* image, void* templ, int* x, int* y, double* score) {
    if (!valid(image) || !valid(templ) || x == nullptr || y == nullptr || score == nullptr) return fail(VA_ERR_ARG, "null argument");
    return guarded([&]() -> int {
        const cv::Mat& mi = *as_mat(image);
        const cv::Mat& mt = *as_mat(templ);
        if (mt.cols > mi.cols || mt.rows > mi.rows) return fail(VA_ERR_ARG, "template is larger than the image");
        cv::Mat gi, gt, result;
        if (mi.channels() == 1) gi = mi; else cv::cvtColor(mi, gi, cv::COLOR_BGR2GRAY);
        if (mt.channels() == 1) gt = mt; else cv::cvtColor(mt, gt, cv::COLOR_BGR2GRAY);
        cv::matchTemplate(gi, gt, result, cv::TM_CCOEFF_NORMED);
        double minv, maxv;
        cv::Point minl, maxl;
        cv::minMaxLoc(result, &minv, &maxv, &minl, &maxl);
        *x = maxl.x;
        *y = maxl.y;
        *score = std::isfinite(maxv) ? maxv : 0.0;
        return VA_OK;
    });
}

// Contours of a binary image (non-zero = foreground); rects as (x, y, w, h, area) per contour.
// mode: 0 external only, 1 all (list).
int va_find_contours(void* mat, int mode, int* rects, int max_rects, int* count) {
    if (!valid(mat) || count == nullptr || (max_rects > 0 && rects == nullptr)) return fail(VA_ERR_ARG, "null argument");
    return guarded([&]() -> int {
        const cv::Mat& m = *as_mat(mat);
        cv::Mat gray;
        if (m.channels() == 1) gray = m.clone(); else cv::cvtColor(m, gray, cv::COLOR_BGR2GRAY);
        std::vector<std::vector<cv::Point>> contours;
        cv::findContours(gray, contours, mode == 0 ? cv::RETR_EXTERNAL : cv::RETR_LIST, cv::CHAIN_APPROX_SIMPLE);
        int n = 0;
        for (const auto& c : contours) {
            if (n < max_rects) {
                cv::Rect r = cv::boundingRect(c);
                rects[n * 5] = r.x; rects[n * 5 + 1] = r.y; rects[n * 5 + 2] = r.width; rects[n * 5 + 3] = r.height;
                rects[n * 5 + 4] = static_cast<int>(cv::contourArea(c));
            }
            ++n;
        }
        *count = n;
        return VA_OK;
    });
}

// op: 0 dilate, 1 erode, 2 close, 3 open, 4 gradient.
int va_morphology(void* mat, int op, int kw, int kh, int iterations, void** out) {
    if (!valid(mat) || out == nullptr || kw <= 0 || kh <= 0 || iterations <= 0 || op < 0 || op > 4)
        return fail(VA_ERR_ARG, "bad morphology arguments");
    return guarded([&]() -> int {
        static const int ops[] = {cv::MORPH_DILATE, cv::MORPH_ERODE, cv::MORPH_CLOSE, cv::MORPH_OPEN, cv::MORPH_GRADIENT};
        cv::Mat dst;
        cv::morphologyEx(*as_mat(mat), dst, ops[op], cv::getStructuringElement(cv::MORPH_RECT, cv::Size(kw, kh)),
                         cv::Point(-1, -1), iterations);
        *out = own(std::move(dst));
        return VA_OK;
    });
}

int va_canny(void* mat, double low, double high, void** out) {
    if (!valid(mat) || out == nullptr) return fail(VA_ERR_ARG, "null argument");
    return guarded([&]() -> int {
        cv::Mat gray, dst;
        const cv::Mat& m = *as_mat(mat);
        if (m.channels() == 1) gray = m; else cv::cvtColor(m, gray, cv::COLOR_BGR2GRAY);
        cv::Canny(gray, dst, low, high);
        *out = own(std::move(dst));
        return VA_OK;
    });
}

int va_mean(void* mat, double* b, double* g, double* r) {
    if (!valid(mat) || b == nullptr || g == nullptr || r == nullptr) return fail(VA_ERR_ARG, "null argument");
    return guarded([&]() -> int {
        cv::Scalar s = cv::mean(*as_mat(mat));
        *b = s[0]; *g = s[1]; *r = s[2];
        return VA_OK;
    });
}

int va_draw_rect(void* mat, int x1, int y1, int x2, int y2, int b, int g, int r, int thickness) {
    if (!valid(mat)) return fail(VA_ERR_ARG, "null argument");
    return guarded([&]() -> int {
        cv::rectangle(*as_mat(mat), cv::Point(x1, y1), cv::Point(x2, y2), cv::Scalar(b, g, r), thickness, cv::LINE_AA);
        return VA_OK;
    });
}

int va_draw_point(void* mat, int x, int y, int radius, int b, int g, int r, int thickness) {
    if (!valid(mat) || radius <= 0) return fail(VA_ERR_ARG, "bad point arguments");
    return guarded([&]() -> int {
        cv::Mat& m = *as_mat(mat);
        const cv::Scalar c(b, g, r);
        cv::circle(m, cv::Point(x, y), radius, c, thickness, cv::LINE_AA);
        cv::line(m, cv::Point(x - 2 * radius, y), cv::Point(x + 2 * radius, y), c, thickness, cv::LINE_AA);
        cv::line(m, cv::Point(x, y - 2 * radius), cv::Point(x, y + 2 * radius), c, thickness, cv::LINE_AA);
        return VA_OK;
    });
}

// Draws ASCII `text` with its baseline-left corner near (x, y) on a filled background box.
int va_draw_label(void* mat, const char* text, int x, int y, double scale, int fb, int fg, int fr, int bb, int bg, int br) {
    if (!valid(mat) || text == nullptr || scale <= 0) return fail(VA_ERR_ARG, "bad label arguments");
    return guarded([&]() -> int {
        cv::Mat& m = *as_mat(mat);
        int baseline = 0;
        const int thickness = scale >= 1.0 ? 2 : 1;
        cv::Size ts = cv::getTextSize(text, cv::FONT_HERSHEY_SIMPLEX, scale, thickness, &baseline);
        int left = std::max(0, std::min(x, m.cols - ts.width - 4));
        int top = std::max(0, std::min(y - ts.height - 4, m.rows - ts.height - baseline - 4));
        cv::rectangle(m, cv::Rect(left, top, ts.width + 4, ts.height + baseline + 4), cv::Scalar(bb, bg, br), cv::FILLED);
        cv::putText(m, text, cv::Point(left + 2, top + ts.height + 2), cv::FONT_HERSHEY_SIMPLEX, scale,
                    cv::Scalar(fb, fg, fr), thickness, cv::LINE_AA);
        return VA_OK;
    });
}

}  // extern "C"
