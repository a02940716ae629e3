import { useState } from 'react';

/** Whether a list shows archived records too: off by default, per visit. */
export function useShowArchived() {
  const [showArchived, setShowArchived] = useState(false);
  return { showArchived, setShowArchived, filter: showArchived ? { includeArchived: true } : {} };
}
