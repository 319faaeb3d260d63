export interface ImageResponse {
  id: string;
  /** Display size (at most 1280 px wide). */
  url: string;
  /** Thumbnail (at most 480 px wide). */
  thumbUrl: string;
  width: number;
  height: number;
}

export const IMAGE_LIMITS = {
  maxBytes: 8 * 1024 * 1024,
  maxSide: 8000,
  minSide: 16,
  displayWidth: 1280,
  thumbWidth: 480,
} as const;
