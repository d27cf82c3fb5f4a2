// Shows a file's bytes inside the app: PDFs page by page with pdf.js on a canvas (previous/next,
// page count, zoom), images from a blob: URL. Generic on purpose (bytes, mime, fileName), so the
// case detail page and the scoring screen use the same viewer.
//
// It works under the app's CSP (script-src 'self', no eval, workers from our own origin):
// the pdf.js worker is bundled by Vite as a same-origin asset, eval is switched off, WebAssembly
// (which the CSP forbids) is not attempted, and the CMaps that Chinese PDFs with non-embedded
// fonts need (e.g. UniGB-UCS2-H) are bundled assets read through our own data factory.
import {
  ColumnWidthOutlined,
  DownloadOutlined,
  LeftOutlined,
  RightOutlined,
  ZoomInOutlined,
  ZoomOutOutlined,
} from '@ant-design/icons';
import { Alert, Button, Space, Spin, Tooltip, Typography } from 'antd';
import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentLoadingTask, PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import {
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import { saveBytes } from '../api/download';

export interface FileViewerProps {
  bytes: Uint8Array;
  mime: string;
  fileName: string;
  /** Height of the whole viewer (toolbar and page); the page scrolls inside. */
  height?: CSSProperties['height'];
  /** A request to show a page of a PDF (a new `seq` for every request, even to the same page). */
  goTo?: PageRequest | null;
}

export interface PageRequest {
  page: number;
  seq: number;
}

type ViewProps = Required<Omit<FileViewerProps, 'goTo'>> & { goTo?: PageRequest | null };

type Zoom = number | 'fit';
const ZOOM_STEPS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4];
const PAGE_PADDING = 16;
/** Image types Chromium can show; TIFF, for one, it cannot. */
const SHOWABLE_IMAGES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/bmp',
  'image/svg+xml',
]);

// --- pdf.js, loaded on first use --------------------------------------------------------------

type PdfJs = typeof PdfJsModule;
let pdfjsPromise: Promise<PdfJs> | null = null;

function loadPdfjs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist').then(
    (pdfjs) => {
      pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
      return pdfjs;
    },
    (e: unknown) => {
      pdfjsPromise = null;
      throw e;
    },
  );
  return pdfjsPromise;
}

// `no-inline`: small files would otherwise become data: URLs, which connect-src does not allow.
const byFileName = (files: Record<string, string>) =>
  new Map(Object.entries(files).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]));

const CMAPS = byFileName(
  import.meta.glob<string>('../../node_modules/pdfjs-dist/cmaps/*.bcmap', {
    query: '?url&no-inline',
    import: 'default',
    eager: true,
  }),
);
// With system fonts in use, pdf.js asks only for the two symbol fonts.
const STANDARD_FONTS = byFileName(
  import.meta.glob<string>(
    '../../node_modules/pdfjs-dist/standard_fonts/{FoxitSymbol,FoxitDingbats}.pfb',
    { query: '?url&no-inline', import: 'default', eager: true },
  ),
);

/** pdf.js asks this for CMaps and fonts by file name; we answer from the bundled assets. */
class BundledDataFactory {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const files =
      kind === 'cMapUrl' ? CMAPS : kind === 'standardFontDataUrl' ? STANDARD_FONTS : undefined;
    const url = files?.get(filename);
    if (!url) throw new Error(`${kind} ${filename} is not bundled`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
}

// --- shared parts -----------------------------------------------------------------------------

function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

function nextZoom(current: number, dir: 1 | -1): number {
  if (dir > 0) return ZOOM_STEPS.find((z) => z > current + 0.01) ?? ZOOM_STEPS.at(-1)!;
  return [...ZOOM_STEPS].reverse().find((z) => z < current - 0.01) ?? ZOOM_STEPS[0]!;
}

const frameStyle = (height: CSSProperties['height']): CSSProperties => ({
  height,
  display: 'flex',
  flexDirection: 'column',
  border: '1px solid #e3e8ef',
  borderRadius: 8,
  overflow: 'hidden',
  background: '#fff',
});
const toolbarStyle: CSSProperties = {
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'space-between',
  gap: 8,
  padding: '6px 10px',
  borderBottom: '1px solid #e3e8ef',
  background: '#fafbfd',
  flex: 'none',
};
const pageAreaStyle: CSSProperties = {
  flex: 1,
  overflow: 'auto',
  // A scrollbar appearing must not change the width "fit width" is computed from.
  scrollbarGutter: 'stable',
  background: '#5f6b7a',
  padding: PAGE_PADDING,
  textAlign: 'center',
  outline: 'none',
  position: 'relative',
};

function Toolbar({
  fileName,
  pager,
  scale,
  onZoom,
  onDownload,
}: {
  fileName: string;
  pager?: ReactNode;
  scale: number | null;
  onZoom: ((zoom: Zoom) => void) | null;
  onDownload: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div style={toolbarStyle}>
      <Typography.Text
        strong
        ellipsis={{ tooltip: fileName }}
        style={{ minWidth: 60, flex: '0 1 auto' }}
        data-testid="viewer-file-name"
      >
        {fileName}
      </Typography.Text>
      <Space size={4} wrap={false}>
        {pager}
        {onZoom && scale !== null ? (
          <>
            <Tooltip title={t('registry.viewer.zoomOut')}>
              <Button
                size="small"
                type="text"
                icon={<ZoomOutOutlined />}
                aria-label={t('registry.viewer.zoomOut')}
                onClick={() => onZoom(nextZoom(scale, -1))}
                data-testid="viewer-zoom-out"
              />
            </Tooltip>
            <Typography.Text
              style={{ minWidth: 44, textAlign: 'center', display: 'inline-block' }}
              data-testid="viewer-zoom"
            >
              {Math.round(scale * 100)}%
            </Typography.Text>
            <Tooltip title={t('registry.viewer.zoomIn')}>
              <Button
                size="small"
                type="text"
                icon={<ZoomInOutlined />}
                aria-label={t('registry.viewer.zoomIn')}
                onClick={() => onZoom(nextZoom(scale, 1))}
                data-testid="viewer-zoom-in"
              />
            </Tooltip>
            <Tooltip title={t('registry.viewer.fitWidth')}>
              <Button
                size="small"
                type="text"
                icon={<ColumnWidthOutlined />}
                aria-label={t('registry.viewer.fitWidth')}
                onClick={() => onZoom('fit')}
                data-testid="viewer-fit"
              />
            </Tooltip>
          </>
        ) : null}
        <Tooltip title={t('registry.viewer.download')}>
          <Button
            size="small"
            type="text"
            icon={<DownloadOutlined />}
            aria-label={t('registry.viewer.download')}
            onClick={onDownload}
            data-testid="viewer-download"
          />
        </Tooltip>
      </Space>
    </div>
  );
}

function Problem({ children }: { children: ReactNode }) {
  return (
    <div style={{ padding: 24, textAlign: 'left' }}>
      <Alert type="warning" showIcon title={children} data-testid="viewer-problem" />
    </div>
  );
}

// --- PDF --------------------------------------------------------------------------------------

function PdfView({ bytes, fileName, mime, height, goTo }: ViewProps) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [failure, setFailure] = useState<'failed' | 'password' | null>(null);
  const [pageNo, setPageNo] = useState(1);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [scale, setScale] = useState<number | null>(null);
  const [renderedPage, setRenderedPage] = useState(0);
  const areaRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const areaWidth = useElementWidth(areaRef);

  useEffect(() => {
    let cancelled = false;
    let task: PDFDocumentLoadingTask | null = null;
    loadPdfjs()
      .then(async (pdfjs) => {
        if (cancelled) return;
        task = pdfjs.getDocument({
          // pdf.js hands the buffer to its worker (detaching it): give it a copy.
          data: bytes.slice(),
          isEvalSupported: false,
          useWasm: false,
          BinaryDataFactory: BundledDataFactory,
          verbosity: pdfjs.VerbosityLevel.ERRORS,
        });
        const loaded = await task.promise;
        if (!cancelled) setDoc(loaded);
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        setFailure(e instanceof Error && e.name === 'PasswordException' ? 'password' : 'failed');
      });
    return () => {
      cancelled = true;
      void task?.destroy();
    };
  }, [bytes]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!doc || !canvas || (zoom === 'fit' && areaWidth === 0)) return;
    let cancelled = false;
    let task: RenderTask | null = null;
    doc
      .getPage(pageNo)
      .then(async (page) => {
        if (cancelled) return;
        const natural = page.getViewport({ scale: 1 });
        const s =
          zoom === 'fit'
            ? Math.max(ZOOM_STEPS[0]!, (areaWidth - 2 * PAGE_PADDING) / natural.width)
            : zoom;
        const viewport = page.getViewport({ scale: s });
        const ratio = window.devicePixelRatio || 1;
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        canvas.style.width = `${Math.floor(viewport.width)}px`;
        canvas.style.height = `${Math.floor(viewport.height)}px`;
        task = page.render({
          canvas,
          viewport,
          ...(ratio === 1 ? {} : { transform: [ratio, 0, 0, ratio, 0, 0] }),
        });
        await task.promise;
        if (cancelled) return;
        setScale(s);
        setRenderedPage(pageNo);
      })
      .catch((e: unknown) => {
        if (cancelled || (e instanceof Error && e.name === 'RenderingCancelledException')) return;
        setFailure('failed');
      });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, pageNo, zoom, areaWidth]);

  const pages = doc?.numPages ?? 0;
  const go = (n: number) => setPageNo(Math.min(Math.max(1, n), pages || 1));
  // A page asked for from outside (第X页 of a finding), once the document is known: adjusted
  // while rendering, each request once.
  const [handledRequest, setHandledRequest] = useState<number | null>(null);
  if (goTo && doc && goTo.seq !== handledRequest) {
    setHandledRequest(goTo.seq);
    setPageNo(Math.min(Math.max(1, goTo.page), doc.numPages));
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'PageDown' || e.key === 'ArrowRight') go(pageNo + 1);
    else if (e.key === 'PageUp' || e.key === 'ArrowLeft') go(pageNo - 1);
    else if (e.key === 'Home') go(1);
    else if (e.key === 'End') go(pages);
    else return;
    e.preventDefault();
  };

  const pager = doc ? (
    <>
      <Tooltip title={t('registry.viewer.prev')}>
        <Button
          size="small"
          type="text"
          icon={<LeftOutlined />}
          aria-label={t('registry.viewer.prev')}
          disabled={pageNo <= 1}
          onClick={() => go(pageNo - 1)}
          data-testid="viewer-prev"
        />
      </Tooltip>
      <Typography.Text data-testid="viewer-page" style={{ whiteSpace: 'nowrap' }}>
        {t('registry.viewer.page', { page: pageNo, pages })}
      </Typography.Text>
      <Tooltip title={t('registry.viewer.next')}>
        <Button
          size="small"
          type="text"
          icon={<RightOutlined />}
          aria-label={t('registry.viewer.next')}
          disabled={pageNo >= pages}
          onClick={() => go(pageNo + 1)}
          data-testid="viewer-next"
        />
      </Tooltip>
    </>
  ) : null;

  return (
    <div style={frameStyle(height)} data-testid="file-viewer" data-kind="pdf">
      <Toolbar
        fileName={fileName}
        pager={pager}
        scale={doc ? scale : null}
        onZoom={doc ? setZoom : null}
        onDownload={() => saveBytes(fileName, bytes, mime)}
      />
      <div ref={areaRef} style={pageAreaStyle} tabIndex={0} onKeyDown={onKeyDown}>
        {failure ? (
          <Problem>
            {t(failure === 'password' ? 'registry.viewer.password' : 'registry.viewer.failed', {
              name: fileName,
            })}
          </Problem>
        ) : (
          <>
            {!doc || renderedPage === 0 ? (
              <div
                style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center' }}
              >
                <Spin tip={t('registry.viewer.loading')}>
                  <div style={{ width: 120, height: 60 }} />
                </Spin>
              </div>
            ) : null}
            <canvas
              ref={canvasRef}
              data-testid="viewer-canvas"
              data-rendered-page={renderedPage}
              style={{
                display: 'inline-block',
                background: '#fff',
                boxShadow: '0 2px 10px rgba(0, 0, 0, 0.35)',
                visibility: renderedPage ? 'visible' : 'hidden',
              }}
            />
          </>
        )}
      </div>
    </div>
  );
}

// --- images -----------------------------------------------------------------------------------

function ImageView({ bytes, fileName, mime, height }: ViewProps) {
  const { t } = useTranslation();
  const imgRef = useRef<HTMLImageElement>(null);
  const areaRef = useRef<HTMLDivElement>(null);
  const areaWidth = useElementWidth(areaRef);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [naturalWidth, setNaturalWidth] = useState(0);
  const [failed, setFailed] = useState(false);

  // The blob: URL lives exactly as long as this image shows these bytes.
  useEffect(() => {
    const img = imgRef.current;
    if (!img) return;
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
    img.src = url;
    return () => URL.revokeObjectURL(url);
  }, [bytes, mime]);

  const fitScale =
    naturalWidth && areaWidth ? Math.min(1, (areaWidth - 2 * PAGE_PADDING) / naturalWidth) : null;
  const scale = zoom === 'fit' ? fitScale : zoom;
  const width = scale !== null && naturalWidth ? Math.round(naturalWidth * scale) : undefined;

  return (
    <div style={frameStyle(height)} data-testid="file-viewer" data-kind="image">
      <Toolbar
        fileName={fileName}
        scale={failed ? null : scale}
        onZoom={failed ? null : setZoom}
        onDownload={() => saveBytes(fileName, bytes, mime)}
      />
      <div ref={areaRef} style={pageAreaStyle}>
        {failed ? (
          <Problem>{t('registry.viewer.unsupported', { name: fileName, mime })}</Problem>
        ) : (
          <img
            ref={imgRef}
            alt={fileName}
            data-testid="viewer-image"
            onLoad={(e) => setNaturalWidth(e.currentTarget.naturalWidth)}
            onError={() => setFailed(true)}
            style={{
              width,
              maxWidth: zoom === 'fit' ? '100%' : undefined,
              background: '#fff',
              boxShadow: '0 2px 10px rgba(0, 0, 0, 0.35)',
              visibility: naturalWidth ? 'visible' : 'hidden',
            }}
          />
        )}
      </div>
    </div>
  );
}

// --- the viewer -------------------------------------------------------------------------------

/** A fresh view (page 1, fit width) whenever the bytes are a different file. */
const viewKeys = new WeakMap<Uint8Array, number>();
let nextViewKey = 1;
function viewKey(bytes: Uint8Array): number {
  let key = viewKeys.get(bytes);
  if (key === undefined) {
    key = nextViewKey++;
    viewKeys.set(bytes, key);
  }
  return key;
}

export function FileViewer({ bytes, mime, fileName, height = 640, goTo }: FileViewerProps) {
  const { t } = useTranslation();
  const props = { bytes, mime, fileName, height, goTo };
  const key = viewKey(bytes);
  if (mime === 'application/pdf') return <PdfView key={key} {...props} />;
  if (SHOWABLE_IMAGES.has(mime)) return <ImageView key={key} {...props} />;
  return (
    <div style={frameStyle(height)} data-testid="file-viewer" data-kind="other">
      <Toolbar
        fileName={fileName}
        scale={null}
        onZoom={null}
        onDownload={() => saveBytes(fileName, bytes, mime)}
      />
      <div style={{ ...pageAreaStyle, background: '#f3f5f8' }}>
        <Problem>{t('registry.viewer.unsupported', { name: fileName, mime })}</Problem>
      </div>
    </div>
  );
}
