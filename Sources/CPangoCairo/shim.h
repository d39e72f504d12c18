#ifndef FOLIO_CPANGOCAIRO_SHIM_H
#define FOLIO_CPANGOCAIRO_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <setjmp.h>
#include <cairo.h>
#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#include <pango/pango.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <pango/pangofc-font.h>
#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <png.h>
#include <libdeflate.h>
#include <jpeglib.h>
#include <lcms2.h>
#include <malloc.h>

/* glibc's allocator: blocks up to `mmap_threshold` bytes from the heap (reused) rather
   than fresh mappings; the heap's free top given back past `trim_threshold`. */
static inline void folio_tune_malloc(int mmap_threshold, int trim_threshold) {
    if (mmap_threshold > 0) mallopt(M_MMAP_THRESHOLD, mmap_threshold);
    if (trim_threshold > 0) mallopt(M_TRIM_THRESHOLD, trim_threshold);
}

/* Whether glibc gave `block` a mapping of its own (the IS_MMAPPED bit of its chunk
   header; for tests of the tuning). */
static inline int folio_is_mapped(const void *block) { return (((const size_t *)block)[-1] & 2) != 0; }

/* LittleCMS pixel formats are function-like macros Swift cannot see. */
static inline cmsUInt32Number folio_lcms_rgb_8(void) { return TYPE_RGB_8; }
static inline cmsUInt32Number folio_lcms_cmyk_8(void) { return TYPE_CMYK_8; }
static inline cmsUInt32Number folio_lcms_rgb_dbl(void) { return TYPE_RGB_DBL; }
static inline cmsUInt32Number folio_lcms_cmyk_dbl(void) { return TYPE_CMYK_DBL; }
static inline cmsUInt32Number folio_lcms_lab_dbl(void) { return TYPE_Lab_DBL; }

/* ICU's word break iterator from the Swift toolchain's own ICU (lib_FoundationICU, whose
   symbols carry a swift_ prefix), declared here rather than through ICU's headers, which
   would clash with a system ICU's. Linked directly, so a statically linked folio has it. */
typedef struct folio_ubrk folio_ubrk;
folio_ubrk *swift_ubrk_open(int32_t type, const char *locale, const uint16_t *text, int32_t textLength, int32_t *status);
int32_t swift_ubrk_first(folio_ubrk *iterator);
int32_t swift_ubrk_next(folio_ubrk *iterator);
void swift_ubrk_close(folio_ubrk *iterator);

/* GObject casts are macros Swift cannot see. */
static inline PangoFcFontMap *folio_fc_font_map(PangoFontMap *map) { return (PangoFcFontMap *)map; }
static inline PangoCairoFont *folio_cairo_font(PangoFont *font) { return (PangoCairoFont *)font; }
static inline PangoFcFont *folio_fc_font(PangoFont *font) { return (PangoFcFont *)font; }
static inline void folio_object_unref(void *object) { if (object) g_object_unref(object); }
/* The font's own pattern, borrowed: the "pattern" property is a plain pointer that
   g_object_get returns without a reference, so it must not be destroyed. */
static inline FcPattern *folio_fc_font_pattern(PangoFont *font) {
    return pango_fc_font_get_pattern((PangoFcFont *)font);
}

/* Frees the list pango_itemize returns. */
static inline void folio_items_free(GList *items) {
    g_list_free_full(items, (GDestroyNotify)pango_item_free);
}

/* ---- PNG encoding (libpng; errors use longjmp, so they stay in C) ---- */

typedef struct {
    unsigned char *data;
    size_t length;
    size_t capacity;
} folio_buffer;

static inline void folio_buffer_free(folio_buffer *buffer) {
    free(buffer->data);
    buffer->data = NULL;
    buffer->length = buffer->capacity = 0;
}

static inline void folio_png_write(png_structp png, png_bytep bytes, png_size_t length) {
    folio_buffer *buffer = (folio_buffer *)png_get_io_ptr(png);
    if (buffer->length + length > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 65536;
        while (capacity < buffer->length + length) capacity *= 2;
        unsigned char *grown = (unsigned char *)realloc(buffer->data, capacity);
        if (!grown) png_error(png, "out of memory");
        buffer->data = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->data + buffer->length, bytes, length);
    buffer->length += length;
}

static inline void folio_png_flush(png_structp png) { (void)png; }

/// Encodes a Cairo ARGB32 (premultiplied, native endian) image as an 8-bit RGB PNG when
/// every pixel is opaque, RGBA otherwise. `filters` is a PNG_FILTER_* mask, `level` the
/// zlib level, `strategy` the zlib strategy. Returns 0 on success.
static inline int folio_png_encode(const unsigned char *pixels, int width, int height, int stride,
                                   int level, int filters, int strategy, folio_buffer *out) {
    int opaque = 1;
    for (int y = 0; y < height && opaque; y++) {
        const uint32_t *row = (const uint32_t *)(pixels + (size_t)y * stride);
        for (int x = 0; x < width; x++) {
            if ((row[x] >> 24) != 0xff) { opaque = 0; break; }
        }
    }
    int channels = opaque ? 3 : 4;
    unsigned char *line = (unsigned char *)malloc((size_t)width * channels);
    if (!line) return -1;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!png || !info) { free(line); png_destroy_write_struct(&png, &info); return -1; }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(line);
        return -1;
    }
    png_set_write_fn(png, out, folio_png_write, folio_png_flush);
    png_set_compression_level(png, level);
    png_set_compression_strategy(png, strategy);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, filters);
    png_set_IHDR(png, info, width, height, 8, opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGBA,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    png_write_info(png, info);
    for (int y = 0; y < height; y++) {
        const uint32_t *row = (const uint32_t *)(pixels + (size_t)y * stride);
        unsigned char *o = line;
        for (int x = 0; x < width; x++) {
            uint32_t p = row[x];
            unsigned a = p >> 24, r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
            if (!opaque && a != 0 && a != 255) {
                r = (r * 255 + a / 2) / a; g = (g * 255 + a / 2) / a; b = (b * 255 + a / 2) / a;
            }
            *o++ = (unsigned char)r; *o++ = (unsigned char)g; *o++ = (unsigned char)b;
            if (!opaque) *o++ = (unsigned char)a;
        }
        png_write_row(png, line);
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    free(line);
    return 0;
}

/// Whether every pixel of a Cairo ARGB32 image is opaque (one pass, no early exit, so
/// the compiler can vectorise it).
static inline int folio_pixels_opaque(const unsigned char *pixels, int width, int height, int stride) {
    uint32_t all = 0xffffffffu;
    for (int y = 0; y < height; y++) {
        const uint32_t *row = (const uint32_t *)(pixels + (size_t)y * stride);
        for (int x = 0; x < width; x++) all &= row[x];
    }
    return (all >> 24) == 0xff;
}

static inline void folio_put32(unsigned char *p, uint32_t v) {
    p[0] = (unsigned char)(v >> 24); p[1] = (unsigned char)(v >> 16); p[2] = (unsigned char)(v >> 8); p[3] = (unsigned char)v;
}

/// Appends a PNG chunk (length, type, data, CRC-32 of type and data) at `p`; returns the end.
static inline unsigned char *folio_png_chunk(unsigned char *p, const char *type, const unsigned char *data, size_t length) {
    folio_put32(p, (uint32_t)length);
    memcpy(p + 4, type, 4);
    if (length && data != p + 8) memmove(p + 8, data, length);
    uint32_t crc = (uint32_t)libdeflate_crc32(0, p + 4, length + 4);
    folio_put32(p + 8 + length, crc);
    return p + 12 + length;
}

/// Encodes a Cairo ARGB32 image as PNG like `folio_png_encode` with no filter (type 0 on
/// every row), deflating the whole image in one call with libdeflate at `level` (1–12):
/// for flat colour and type, level 1 takes about half the instructions of zlib level 2
/// and makes files 15 % smaller. Returns 0 on success.
static inline int folio_png_encode_libdeflate(const unsigned char *pixels, int width, int height, int stride,
                                              int level, folio_buffer *out) {
    int opaque = folio_pixels_opaque(pixels, width, height, stride);
    int channels = opaque ? 3 : 4;
    size_t rowBytes = 1 + (size_t)width * channels;
    size_t rawLength = rowBytes * (size_t)height;
    unsigned char *raw = (unsigned char *)malloc(rawLength);
    if (!raw) return -1;
    for (int y = 0; y < height; y++) {
        const uint32_t *row = (const uint32_t *)(pixels + (size_t)y * stride);
        unsigned char *o = raw + rowBytes * (size_t)y;
        *o++ = 0;
        if (opaque) {
            for (int x = 0; x < width; x++) {
                uint32_t p = row[x];
                o[0] = (unsigned char)(p >> 16); o[1] = (unsigned char)(p >> 8); o[2] = (unsigned char)p;
                o += 3;
            }
        } else {
            for (int x = 0; x < width; x++) {
                uint32_t p = row[x];
                unsigned a = p >> 24, r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
                if (a != 0 && a != 255) {
                    r = (r * 255 + a / 2) / a; g = (g * 255 + a / 2) / a; b = (b * 255 + a / 2) / a;
                }
                o[0] = (unsigned char)r; o[1] = (unsigned char)g; o[2] = (unsigned char)b; o[3] = (unsigned char)a;
                o += 4;
            }
        }
    }
    struct libdeflate_compressor *compressor = libdeflate_alloc_compressor(level);
    if (!compressor) { free(raw); return -1; }
    size_t bound = libdeflate_zlib_compress_bound(compressor, rawLength);
    size_t capacity = 8 + 25 + 12 + bound + 12;
    unsigned char *png = (unsigned char *)malloc(capacity);
    if (!png) { libdeflate_free_compressor(compressor); free(raw); return -1; }
    static const unsigned char signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    memcpy(png, signature, 8);
    unsigned char header[13];
    folio_put32(header, (uint32_t)width);
    folio_put32(header + 4, (uint32_t)height);
    header[8] = 8; header[9] = opaque ? 2 : 6; header[10] = 0; header[11] = 0; header[12] = 0;
    unsigned char *p = folio_png_chunk(png + 8, "IHDR", header, 13);
    size_t deflated = libdeflate_zlib_compress(compressor, raw, rawLength, p + 8, bound);
    libdeflate_free_compressor(compressor);
    free(raw);
    if (deflated == 0) { free(png); return -1; }
    p = folio_png_chunk(p, "IDAT", p + 8, deflated);
    p = folio_png_chunk(p, "IEND", NULL, 0);
    out->data = png;
    out->length = (size_t)(p - png);
    out->capacity = capacity;
    return 0;
}

/* ---- JPEG decoding (libjpeg; errors use longjmp) ---- */

typedef struct {
    struct jpeg_error_mgr base;
    jmp_buf jump;
} folio_jpeg_error;

static inline void folio_jpeg_fail(j_common_ptr info) {
    folio_jpeg_error *error = (folio_jpeg_error *)info->err;
    longjmp(error->jump, 1);
}

static inline void folio_jpeg_silence(j_common_ptr info, int level) { (void)info; (void)level; }

/// Reads a JPEG's size and component count without decoding it. Returns 0 on success.
static inline int folio_jpeg_info(const unsigned char *data, unsigned long length,
                                  int *width, int *height, int *components) {
    struct jpeg_decompress_struct info;
    folio_jpeg_error error;
    info.err = jpeg_std_error(&error.base);
    error.base.error_exit = folio_jpeg_fail;
    error.base.emit_message = folio_jpeg_silence;
    if (setjmp(error.jump)) { jpeg_destroy_decompress(&info); return -1; }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, data, length);
    jpeg_read_header(&info, TRUE);
    *width = (int)info.image_width;
    *height = (int)info.image_height;
    *components = info.num_components;
    jpeg_destroy_decompress(&info);
    return 0;
}

/// Decodes a JPEG into a Cairo RGB24 buffer (stride bytes per row), scaled by
/// 1/`denominator` (1, 2, 4 or 8) while decoding: the output is ceil(size / denominator)
/// pixels a side, and the full-size pixels are never held. Returns 0 on success.
static inline int folio_jpeg_decode_scaled(const unsigned char *data, unsigned long length, int denominator,
                                           unsigned char *pixels, int width, int height, int stride) {
    struct jpeg_decompress_struct info;
    folio_jpeg_error error;
    /* volatile: assigned after setjmp and read after a longjmp back to it (C11 7.13.2.1). */
    unsigned char *volatile line = NULL;
    info.err = jpeg_std_error(&error.base);
    error.base.error_exit = folio_jpeg_fail;
    error.base.emit_message = folio_jpeg_silence;
    if (setjmp(error.jump)) { jpeg_destroy_decompress(&info); free(line); return -1; }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, data, length);
    jpeg_read_header(&info, TRUE);
    info.out_color_space = JCS_RGB;
    info.scale_num = 1;
    info.scale_denom = (unsigned int)denominator;
    jpeg_start_decompress(&info);
    if ((int)info.output_width != width || (int)info.output_height != height || info.output_components != 3) {
        jpeg_destroy_decompress(&info);
        return -1;
    }
    line = (unsigned char *)malloc((size_t)width * 3);
    if (!line) { jpeg_destroy_decompress(&info); return -1; }
    while (info.output_scanline < info.output_height) {
        int y = (int)info.output_scanline;
        JSAMPROW row = line;
        jpeg_read_scanlines(&info, &row, 1);
        uint32_t *out = (uint32_t *)(pixels + (size_t)y * stride);
        for (int x = 0; x < width; x++) {
            out[x] = 0xff000000u | ((uint32_t)line[3 * x] << 16) | ((uint32_t)line[3 * x + 1] << 8) | line[3 * x + 2];
        }
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    free(line);
    return 0;
}

/// Decodes a JPEG at full size into a Cairo RGB24 buffer. Returns 0 on success.
static inline int folio_jpeg_decode(const unsigned char *data, unsigned long length,
                                    unsigned char *pixels, int width, int height, int stride) {
    return folio_jpeg_decode_scaled(data, length, 1, pixels, width, height, stride);
}

/// Encodes a Cairo RGB24 buffer as a baseline JPEG of `components` 3 (RGB) or 1 (grey,
/// from the blue byte) at `quality` into `out` (malloc'd; free with folio_buffer_free).
/// Returns 0 on success.
static inline int folio_jpeg_encode(const unsigned char *pixels, int width, int height, int stride,
                                    int components, int quality, folio_buffer *out) {
    struct jpeg_compress_struct info;
    folio_jpeg_error error;
    unsigned char *volatile line = NULL;
    unsigned char *buffer = NULL;
    unsigned long size = 0;
    info.err = jpeg_std_error(&error.base);
    error.base.error_exit = folio_jpeg_fail;
    error.base.emit_message = folio_jpeg_silence;
    if (setjmp(error.jump)) { jpeg_destroy_compress(&info); free(line); free(buffer); return -1; }
    jpeg_create_compress(&info);
    jpeg_mem_dest(&info, &buffer, &size);
    info.image_width = (JDIMENSION)width;
    info.image_height = (JDIMENSION)height;
    info.input_components = components;
    info.in_color_space = components == 1 ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, quality, TRUE);
    line = (unsigned char *)malloc((size_t)width * 3);
    if (!line) { jpeg_destroy_compress(&info); return -1; }
    jpeg_start_compress(&info, TRUE);
    while (info.next_scanline < info.image_height) {
        const uint32_t *in = (const uint32_t *)(pixels + (size_t)info.next_scanline * stride);
        for (int x = 0; x < width; x++) {
            uint32_t p = in[x];
            if (components == 1) { line[x] = (unsigned char)(p & 0xff); }
            else { line[3 * x] = (unsigned char)(p >> 16); line[3 * x + 1] = (unsigned char)(p >> 8); line[3 * x + 2] = (unsigned char)p; }
        }
        JSAMPROW row = line;
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    free(line);
    out->data = buffer;
    out->length = (size_t)size;
    out->capacity = (size_t)size;
    return 0;
}

#endif
