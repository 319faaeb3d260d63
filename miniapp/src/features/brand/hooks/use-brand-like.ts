import { useEffect, useRef, useState } from 'react';
import type { BrandDetail } from '@torch-red/shared';
import { likeBrand, unlikeBrand } from '../api';

export interface BrandLikeState {
  liked: boolean;
  likeCount: number;
  toggle: () => Promise<void>;
}

/** Optimistic like: the heart turns at once, and turns back if the server says no. */
export function useBrandLike(brand: Pick<BrandDetail, 'id' | 'likedByMe' | 'likeCount'> | undefined): BrandLikeState {
  const [state, setState] = useState({ liked: brand?.likedByMe ?? false, likeCount: brand?.likeCount ?? 0 });
  const busy = useRef(false);

  useEffect(() => {
    if (brand) {
      setState({ liked: brand.likedByMe, likeCount: brand.likeCount });
    }
  }, [brand?.id, brand?.likedByMe, brand?.likeCount]);

  const toggle = async () => {
    if (!brand || busy.current) {
      return;
    }
    busy.current = true;
    const before = state;
    const liked = !before.liked;
    setState({ liked, likeCount: Math.max(0, before.likeCount + (liked ? 1 : -1)) });
    try {
      const answer = liked ? await likeBrand(brand.id) : await unlikeBrand(brand.id);
      setState({ liked: answer.liked, likeCount: answer.likeCount });
    } catch {
      // The HTTP client has said why; put the heart back.
      setState(before);
    } finally {
      busy.current = false;
    }
  };

  return { ...state, toggle };
}
