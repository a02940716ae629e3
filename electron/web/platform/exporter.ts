import { offerAsDownloads, type FileExporter } from '@core/platform/exporter';

/** The web host's exporter: the browser downloads the files. */
export function createExporter(): FileExporter {
  return offerAsDownloads;
}
