// Queue: the pure queue domain.
